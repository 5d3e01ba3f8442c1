package fr.creneau.app;

import com.codename1.io.JSONParser;
import fr.creneau.app.api.ApiClient;
import fr.creneau.app.logic.KeyValueStore;
import fr.creneau.app.logic.OfflineCache;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.TokenResponse;
import fr.creneau.model.json.Json;
import fr.creneau.model.rules.Role;

import java.util.Map;

/**
 * Who is signed in. The access token lives in memory only; the single-use refresh token and the account summary
 * are kept in the app's private Storage so that the user stays logged in across launches.
 */
public class Session {
    static final String KEY = "creneau.session";
    private static Session instance;

    private final KeyValueStore store;
    private String accessToken;
    private String refreshToken;
    private AccountDto account;

    public Session(KeyValueStore store) {
        this.store = store;
    }

    public static synchronized Session get() {
        if (instance == null) {
            instance = new Session(new StorageStore());
            instance.load();
        }
        return instance;
    }

    void load() {
        String text = store.read(KEY);
        if (text == null) {
            return;
        }
        try {
            Map<String, Object> m = ApiClient.asMap(ApiClient.parse(text));
            refreshToken = Json.str(m, "refreshToken");
            Map<String, Object> a = Json.obj(m, "account");
            account = a == null ? null : AccountDto.fromMap(a);
        } catch (Exception e) {
            store.delete(KEY);
        }
    }

    public synchronized void signedIn(TokenResponse t) {
        accessToken = t.accessToken;
        refreshToken = t.refreshToken;
        if (t.account != null) {
            account = t.account;
        }
        save();
    }

    public synchronized void setAccount(AccountDto a) {
        account = a;
        save();
    }

    private void save() {
        Map<String, Object> m = Json.object();
        Json.put(m, "refreshToken", refreshToken);
        Json.put(m, "account", account == null ? null : account.toMap());
        store.write(KEY, JSONParser.mapToJson(m));
    }

    /** Logout: forget the tokens and every cached appointment. */
    public synchronized void clear() {
        accessToken = null;
        refreshToken = null;
        account = null;
        store.delete(KEY);
        new OfflineCache(store).clear();
    }

    public String accessToken() {
        return accessToken;
    }

    public String refreshToken() {
        return refreshToken;
    }

    public AccountDto account() {
        return account;
    }

    public Role role() {
        return account == null ? null : account.role;
    }

    public boolean hasSession() {
        return refreshToken != null;
    }

    public KeyValueStore store() {
        return store;
    }

    /** For tests: forget the singleton so the next get() reads Storage again. */
    public static synchronized void reset() {
        instance = null;
    }
}
