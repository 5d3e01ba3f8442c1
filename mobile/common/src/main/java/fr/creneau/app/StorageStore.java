package fr.creneau.app;

import com.codename1.io.Storage;
import fr.creneau.app.logic.KeyValueStore;

/** The app's private Storage as a key-value text store. */
public class StorageStore implements KeyValueStore {
    public String read(String key) {
        Storage s = Storage.getInstance();
        if (!s.exists(key)) {
            return null;
        }
        Object o = s.readObject(key);
        return o instanceof String ? (String) o : null;
    }

    public void write(String key, String value) {
        Storage.getInstance().writeObject(key, value);
    }

    public void delete(String key) {
        Storage.getInstance().deleteStorageFile(key);
    }
}
