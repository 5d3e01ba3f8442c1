package fr.creneau.app;

import com.codename1.l10n.L10NManager;
import com.codename1.ui.CN;
import com.codename1.ui.plaf.UIManager;
import com.codename1.ui.util.Resources;
import fr.creneau.app.logic.DateText;
import fr.creneau.app.logic.Strings;
import fr.creneau.app.logic.Texts;

import java.util.Hashtable;
import java.util.Map;

/**
 * Every visible string comes from the "messages" bundle compiled into theme.res from src/main/l10n (French and
 * English). The language follows the device; the Display property {@code creneau.lang} forces one (tests).
 */
public final class I18n {
    private static Resources theme;
    private static String language = "fr";
    private static Map<String, String> bundle = new Hashtable<String, String>();

    public static final Texts TEXTS = new Texts() {
        public String get(String key) {
            return tr(key);
        }
    };

    private I18n() {
    }

    public static void init(Resources res) {
        theme = res;
        String forced = CN.getProperty("creneau.lang", null);
        String lang = forced;
        if (lang == null) {
            try {
                lang = L10NManager.getInstance().getLanguage();
            } catch (Throwable t) {
                lang = "fr";
            }
        }
        setLanguage(lang);
    }

    /** French for "fr…" devices and English for every other language. */
    public static void setLanguage(String lang) {
        language = lang != null && lang.toLowerCase().startsWith("fr") ? "fr" : "en";
        Hashtable<String, String> h = null;
        if (theme != null && theme.isL10N("messages")) {
            h = theme.getL10N("messages", language);
        }
        if (h != null) {
            bundle = h;
            UIManager.getInstance().setBundle(h);
        }
    }

    public static String language() {
        return language;
    }

    public static String tr(String key) {
        String v = bundle.get(key);
        return v == null ? key : v;
    }

    public static String tr(String key, Object... args) {
        return Strings.fill(tr(key), args);
    }

    public static DateText dates() {
        return new DateText(TEXTS, language);
    }
}
