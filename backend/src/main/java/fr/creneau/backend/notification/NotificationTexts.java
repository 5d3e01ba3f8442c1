package fr.creneau.backend.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The words of every notification, one file per language ({@code notifications/texts_<code>.properties}, UTF-8).
 * Placeholders are {@code {name}} and are replaced literally: no MessageFormat, whose quoting rules would eat the
 * apostrophes of French. A key missing from a language is an error caught by the parity test, not a silent
 * fallback to another language.
 */
final class NotificationTexts {
    private static final Map<Language, Properties> TEXTS = new EnumMap<>(Language.class);

    static {
        for (Language l : Language.values()) {
            TEXTS.put(l, load("notifications/texts_" + l.code() + ".properties"));
        }
    }

    private NotificationTexts() {
    }

    static Properties all(Language l) {
        return TEXTS.get(l);
    }

    /** The text for {@code key}, or for {@code fallbackKey} when a kind has no text of its own. */
    static String get(Language l, String key, String fallbackKey) {
        String v = TEXTS.get(l).getProperty(key);
        return v != null ? v : get(l, fallbackKey);
    }

    static String get(Language l, String key) {
        String v = TEXTS.get(l).getProperty(key);
        if (v == null) {
            throw new IllegalStateException("No notification text " + key + " in " + l.code());
        }
        return v;
    }

    /** {@code get(l, key)} with each {@code {name}} replaced by the following value. */
    static String fill(Language l, String key, String... namesAndValues) {
        String s = get(l, key);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            s = s.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1]);
        }
        return s;
    }

    private static Properties load(String path) {
        Properties p = new Properties();
        try (InputStream in = NotificationTexts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
