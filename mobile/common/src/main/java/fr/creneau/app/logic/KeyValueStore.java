package fr.creneau.app.logic;

/** Where the offline cache keeps its text: the app's private Storage on a device, a map in tests. */
public interface KeyValueStore {
    String read(String key);

    void write(String key, String value);

    void delete(String key);
}
