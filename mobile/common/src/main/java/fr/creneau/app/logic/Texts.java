package fr.creneau.app.logic;

/** Looks up a translated string by key. The app reads them from its resource bundles; tests from the files. */
public interface Texts {
    String get(String key);
}
