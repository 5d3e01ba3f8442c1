package fr.creneau.app;

import com.codename1.io.Properties;
import com.codename1.io.Util;
import com.codename1.ui.CN;

import java.io.IOException;
import java.io.InputStream;

/**
 * Run-time settings. The backend URL is, first found: the Display/system property {@code creneau.api} (the
 * simulator and the tests pass it), the key {@code api} of a {@code /creneau.properties} resource bundled with the
 * app (a device build: {@code mobile/common/src/main/resources/creneau.properties}), else http://127.0.0.1:8080.
 */
public final class Config {
    public static final String DEFAULT_API = "http://127.0.0.1:8080";
    /** The Display or system property naming the backend (simulator, tests). */
    public static final String API_PROPERTY = "creneau.api";
    /** The resource a device build bundles, and its key. */
    public static final String RESOURCE = "/creneau.properties";
    public static final String RESOURCE_API_KEY = "api";
    private static String apiBase;

    private Config() {
    }

    public static String apiBase() {
        if (apiBase == null) {
            String v = CN.getProperty(API_PROPERTY, null);
            if (isEmpty(v)) {
                v = System.getProperty(API_PROPERTY);
            }
            apiBase = choose(v, isEmpty(v) ? bundledApi() : null);
        }
        return apiBase;
    }

    public static void setApiBase(String url) {
        apiBase = url;
    }

    /** The property when set, else the bundled value when set, else the default; without a trailing slash. */
    static String choose(String property, String bundled) {
        String v = !isEmpty(property) ? property.trim() : !isEmpty(bundled) ? bundled.trim() : DEFAULT_API;
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    /** The {@code api} key of a properties file, or null when it has none. */
    static String readApi(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty(RESOURCE_API_KEY);
        return isEmpty(v) ? null : v.trim();
    }

    /** The URL of the bundled {@code /creneau.properties}, read through Codename One's resource API, or null. */
    private static String bundledApi() {
        InputStream in = null;
        try {
            in = CN.getResourceAsStream(RESOURCE);
            return in == null ? null : readApi(in);
        } catch (IOException e) {
            return null;
        } finally {
            Util.cleanup(in);
        }
    }

    private static boolean isEmpty(String s) {
        return s == null || s.trim().length() == 0;
    }

    /** Push only on a real device, and never when switched off (tests set creneau.push=false). */
    public static boolean pushEnabled() {
        return !CN.isSimulator() && !"false".equals(CN.getProperty("creneau.push", "true"));
    }
}
