package fr.creneau.app.logic;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Properties;

/** The app's resource bundles read straight from src/main/l10n, for logic tests. */
final class Bundles {
    private Bundles() {
    }

    static Properties load(String lang) throws Exception {
        Properties p = new Properties();
        try (InputStream in = new FileInputStream("src/main/l10n/messages_" + lang + ".properties")) {
            p.load(in);
        }
        return p;
    }

    static Texts texts(String lang) throws Exception {
        final Properties p = load(lang);
        return key -> p.getProperty(key, key);
    }
}
