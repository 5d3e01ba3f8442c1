package fr.creneau.app.logic;

import com.codename1.io.Properties;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the app finds its backend, first found: the {@code creneau.api} property (simulator, tests), the key
 * {@code api} of the bundled {@code /creneau.properties} (a device build), else the default. See {@code Config}.
 */
public final class ApiUrl {
    public static final String DEFAULT = "http://127.0.0.1:8080";
    /** The key of the bundled {@code /creneau.properties}. */
    public static final String KEY = "api";

    private ApiUrl() {
    }

    /** The property when set, else the bundled value when set, else the default; without a trailing slash. */
    public static String choose(String property, String bundled) {
        String v = !isEmpty(property) ? property.trim() : !isEmpty(bundled) ? bundled.trim() : DEFAULT;
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    /** The {@code api} key of a properties file, or null when it has none. */
    public static String read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty(KEY);
        return isEmpty(v) ? null : v.trim();
    }

    public static boolean isEmpty(String s) {
        return s == null || s.trim().length() == 0;
    }
}
