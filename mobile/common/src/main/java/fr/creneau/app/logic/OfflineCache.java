package fr.creneau.app.logic;

import com.codename1.io.CharArrayReader;
import com.codename1.io.JSONParser;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last appointments loaded (a patient's upcoming ones, a practitioner's day), kept so that they stay readable
 * offline with the time they were loaded. Written through the DTOs' one JSON mapping. Keys are per account so that
 * one person never sees another's data on a shared device; {@link #clear} runs at logout.
 */
public class OfflineCache {
    private static final String PREFIX = "creneau.cache.";
    private final KeyValueStore store;

    public OfflineCache(KeyValueStore store) {
        this.store = store;
    }

    public static String key(Long accountId, String what) {
        return PREFIX + (accountId == null ? "anon" : String.valueOf(accountId)) + "." + what;
    }

    public void save(String key, List<AppointmentDto> items, long savedAtMillis) {
        Map<String, Object> m = Json.object();
        m.put("savedAt", Instants.toIso(savedAtMillis));
        m.put("items", Json.maps(items));
        store.write(key, JSONParser.mapToJson(m));
        String index = store.read(PREFIX + "index");
        if (index == null || index.indexOf("|" + key + "|") < 0) {
            store.write(PREFIX + "index", (index == null ? "|" : index) + key + "|");
        }
    }

    /** The cached entry, or null when nothing (or something unreadable) is cached. */
    public Entry load(String key) {
        String text = store.read(key);
        if (text == null) {
            return null;
        }
        try {
            JSONParser p = new JSONParser();
            p.setUseLongsInstance(true);
            p.setUseBooleanInstance(true);
            char[] chars = text.toCharArray();
            Map<String, Object> m = p.parseJSON(new CharArrayReader(chars));
            Entry e = new Entry();
            e.savedAtMillis = Instants.parse(Json.str(m, "savedAt"));
            List<AppointmentDto> items = Json.objects(m, "items", AppointmentDto.READER);
            e.items = items == null ? new ArrayList<AppointmentDto>() : items;
            return e;
        } catch (Exception ex) {
            // a damaged entry is dropped rather than shown wrong
            store.delete(key);
            return null;
        }
    }

    /** Forgets everything cached (logout). */
    public void clear() {
        String index = store.read(PREFIX + "index");
        if (index != null) {
            int i = 1;
            while (i < index.length()) {
                int j = index.indexOf('|', i);
                if (j < 0) {
                    break;
                }
                String k = index.substring(i, j);
                if (k.length() > 0) {
                    store.delete(k);
                }
                i = j + 1;
            }
        }
        store.delete(PREFIX + "index");
    }

    public static class Entry {
        public long savedAtMillis;
        public List<AppointmentDto> items;
    }
}
