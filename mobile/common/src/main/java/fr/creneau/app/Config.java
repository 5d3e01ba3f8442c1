package fr.creneau.app;

import com.codename1.io.Util;
import com.codename1.ui.CN;
import fr.creneau.app.logic.ApiUrl;

import java.io.IOException;
import java.io.InputStream;

/**
 * Run-time settings. The backend URL is, first found: the Display/system property {@code creneau.api} (the
 * simulator and the tests pass it), the key {@code api} of a {@code /creneau.properties} resource bundled with the
 * app (a device build: {@code mobile/common/src/main/resources/creneau.properties}), else http://127.0.0.1:8080.
 */
public final class Config {
    public static final String DEFAULT_API = ApiUrl.DEFAULT;
    /** The Display or system property naming the backend (simulator, tests). */
    public static final String API_PROPERTY = "creneau.api";
    /** The resource a device build bundles (key {@link ApiUrl#KEY}). */
    public static final String RESOURCE = "/creneau.properties";
    private static String apiBase;

    private Config() {
    }

    public static String apiBase() {
        if (apiBase == null) {
            String v = CN.getProperty(API_PROPERTY, null);
            if (ApiUrl.isEmpty(v)) {
                v = System.getProperty(API_PROPERTY);
            }
            apiBase = ApiUrl.choose(v, ApiUrl.isEmpty(v) ? bundledApi() : null);
        }
        return apiBase;
    }

    public static void setApiBase(String url) {
        apiBase = url;
    }

    /** The URL of the bundled {@code /creneau.properties}, read through Codename One's resource API, or null. */
    private static String bundledApi() {
        InputStream in = null;
        try {
            in = CN.getResourceAsStream(RESOURCE);
            return in == null ? null : ApiUrl.read(in);
        } catch (IOException e) {
            return null;
        } finally {
            Util.cleanup(in);
        }
    }

    /** Push only on a real device, and never when switched off (tests set creneau.push=false). */
    public static boolean pushEnabled() {
        return !CN.isSimulator() && !"false".equals(CN.getProperty("creneau.push", "true"));
    }
}
