package fr.creneau.backend.notification;

import java.util.Locale;

/**
 * The language a patient reads their notifications in. French is the default: the practices are French, and a
 * patient who never told us otherwise gets French.
 */
public enum Language {
    FR(Locale.FRENCH),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The wire and column form: "fr", "en". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "en", "en-GB", "EN" read as English; anything else, null included, as French. */
    public static Language of(String code) {
        if (code != null && code.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
            return EN;
        }
        return FR;
    }

    /** Whether {@code code} names a language we write in ("fr" or "en"); for input validation. */
    public static boolean supported(String code) {
        return "fr".equals(code) || "en".equals(code);
    }
}
