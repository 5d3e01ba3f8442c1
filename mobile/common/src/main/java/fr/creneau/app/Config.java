package fr.creneau.app;

import com.codename1.ui.CN;

/**
 * Run-time settings. The backend URL comes from the Display/system property {@code creneau.api} (tests and the
 * simulator pass it), then from a {@code /creneau.properties} resource, else http://127.0.0.1:8080.
 */
public final class Config {
    public static final String DEFAULT_API = "http://127.0.0.1:8080";
    private static String apiBase;

    private Config() {
    }

    public static String apiBase() {
        if (apiBase == null) {
            String v = CN.getProperty("creneau.api", null);
            if (v == null || v.length() == 0) {
                v = System.getProperty("creneau.api");
            }
            if (v == null || v.length() == 0) {
                v = DEFAULT_API;
            }
            apiBase = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
        }
        return apiBase;
    }

    public static void setApiBase(String url) {
        apiBase = url;
    }

    /** Push only on a real device, and never when switched off (tests set creneau.push=false). */
    public static boolean pushEnabled() {
        return !CN.isSimulator() && !"false".equals(CN.getProperty("creneau.push", "true"));
    }
}
