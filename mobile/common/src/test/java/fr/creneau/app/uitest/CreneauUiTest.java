package fr.creneau.app.uitest;

import com.codename1.io.Log;
import com.codename1.testing.AbstractTest;
import com.codename1.ui.Button;
import com.codename1.ui.CN;
import com.codename1.ui.Component;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.Image;
import com.codename1.ui.Label;
import com.codename1.ui.TextArea;
import com.codename1.components.SpanLabel;
import fr.creneau.app.Config;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.ui.LoginForm;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Properties;

/**
 * Base of the Codename One UI tests: reads the backend URL and the screenshot folder from creneau-test.properties
 * (filtered by Maven from -Dcreneau.api and -Dcreneau.screenshots), switches push off, and offers waits, lookups
 * and screenshots. Tests that need the backend are skipped when it does not answer, unless
 * -Dcreneau.requireBackend=true (run-ui-tests.sh sets it when given a URL), then they fail.
 */
public abstract class CreneauUiTest extends AbstractTest {
    public static final String PASSWORD = "demo-password-2026";
    protected static final Properties CONF = new Properties();

    static {
        try (InputStream in = CreneauUiTest.class.getResourceAsStream("/creneau-test.properties")) {
            if (in != null) {
                CONF.load(in);
            }
        } catch (Exception e) {
            // defaults below
        }
    }

    protected static String api() {
        String v = CONF.getProperty("creneau.api", "");
        return v.length() == 0 || v.startsWith("${") ? Config.DEFAULT_API : v;
    }

    @Override
    public void prepare() {
        CN.setProperty("creneau.push", "false");
        Config.setApiBase(api());
    }

    @Override
    public int getTimeoutMillis() {
        return 180000;
    }

    @Override
    public boolean shouldExecuteOnEDT() {
        return false;
    }

    /** True when the backend answers; false (test skipped) or a failure when it is required. */
    protected boolean backendUp() {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(api() + "/q/health").openConnection();
            c.setConnectTimeout(3000);
            c.setReadTimeout(5000);
            int code = c.getResponseCode();
            c.disconnect();
            if (code > 0) {
                return true;
            }
        } catch (Exception e) {
            // down
        }
        if ("true".equals(CONF.getProperty("creneau.requireBackend"))) {
            fail("backend not reachable at " + api());
        }
        log("SKIPPED " + getClass().getName() + ": no backend at " + api());
        return false;
    }

    /** Signs out and shows the login screen in the given language. */
    protected void restart(String lang) throws Exception {
        CN.callSeriallyAndWait(() -> {
            Session.get().clear();
            I18n.setLanguage(lang);
            new LoginForm().show();
        });
        waitForFormName("Login");
        settle();
    }

    protected void login(String email) throws Exception {
        setText("email", email);
        setText("password", PASSWORD);
        clickButtonByName("loginButton");
        waitUntil(() -> !"Login".equals(formName()), 30000, "login of " + email + ": " + text("loginError"));
        settle();
    }

    protected void logout() throws Exception {
        CN.callSeriallyAndWait(() -> {
            Api.logout();
            new LoginForm().show();
        });
        waitForFormName("Login");
    }

    protected static String formName() {
        Form f = CN.getCurrentForm();
        return f == null ? null : f.getName();
    }

    /** On the call screen: opens a call from Jean Lefèvre and picks him among the patients found (identity not checked). */
    protected void openCallFromJeanLefevre() throws Exception {
        setField("callerName", "Jean Lefèvre");
        setField("callerPhone", "+33611223344");
        clickButtonByName("callOpen");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("callId") != null, 20000,
                "call opened: " + text("callOpenMessage"));
        setField("callPatientQuery", "Lefèvre");
        clickButtonByName("callFind");
        waitUntil(() -> findPrefix("callPatient-") != null, 20000, "patient found: " + text("identityMessage"));
        clickButtonByName(findPrefix("callPatient-").getName());
        settle();
    }

    protected void settle() throws Exception {
        CN.callSeriallyAndWait(() -> { });
        waitFor(150);
        CN.callSeriallyAndWait(() -> { });
    }

    protected void go(String buttonName, String formName) throws Exception {
        waitUntil(() -> find(buttonName) != null, 30000, "button " + buttonName + " on " + formName());
        clickButtonByName(buttonName);
        waitForFormName(formName);
        settle();
    }

    /** On the Slots screen: goes from the shown day to the first day with a free slot on or after {@code minDay}. */
    protected void freeDayFrom(String minDay) throws Exception {
        for (int i = 0; i < 10; i++) {
            String day = (String) CN.getCurrentForm().getClientProperty("day");
            if (day != null && day.compareTo(minDay) >= 0 && find("slot0") != null) {
                return;
            }
            clickButtonByName("nextFree");
            settle();
            waitUntil(() -> find("slot0") != null || !find("slotsMessage").isHidden(), 30000, "next free day");
        }
    }

    /** From the patient's home: the slots of the practitioner found by that name, for that motive. */
    protected void openSlots(String practitionerName, Long motiveId) throws Exception {
        go("bookButton", "Search");
        openPractitioner(practitionerName);
        go(findPrefix("pract-").getName(), "Practitioner");
        waitUntil(() -> find("motive-" + motiveId) != null, 20000, "motives: " + text("practitionerMessage"));
        go("motive-" + motiveId, "Slots");
    }

    /** Searches a practitioner by name on the Search screen and opens the first answer for that very query. */
    protected void openPractitioner(String name) throws Exception {
        setField("searchQuery", name);
        clickButtonByName("searchButton");
        waitUntil(() -> name.equals(CN.getCurrentForm().getClientProperty("searchedFor")) && findPrefix("pract-") != null,
                20000, "practitioner " + name + " found");
    }

    protected interface Condition {
        boolean ok() throws Exception;
    }

    protected void waitUntil(Condition c, long timeoutMs, String what) throws Exception {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            final boolean[] ok = {false};
            final Exception[] err = {null};
            CN.callSeriallyAndWait(() -> {
                try {
                    ok[0] = c.ok();
                } catch (Exception e) {
                    err[0] = e;
                }
            });
            if (err[0] != null) {
                throw err[0];
            }
            if (ok[0]) {
                return;
            }
            waitFor(200);
        }
        fail("timed out waiting for " + what);
    }

    /**
     * Two taps on a button, the second while the first one's action is still running: it is queued before the first
     * tap and runs as soon as that action waits for the server (a server call keeps the screen's events flowing).
     */
    protected void tapTwiceAtOnce(String name) throws Exception {
        waitUntil(() -> find(name) instanceof Button, 20000, "button " + name);
        CN.callSeriallyAndWait(() -> {
            final Button b = (Button) find(name);
            CN.callSerially(() -> {
                b.pressed();
                b.released();
            });
            b.pressed();
            b.released();
        });
        settle();
    }

    /** A component of the current form by name (searched through every container). */
    protected static Component find(String name) {
        Form f = CN.getCurrentForm();
        return f == null ? null : find(f, name, false);
    }

    /** A named component of the current form that is on show (neither it nor a container of it hidden), or null. */
    protected static Component findShown(String name) {
        Component c = find(name);
        for (Component k = c; k != null; k = k.getParent()) {
            if (k.isHidden()) {
                return null;
            }
        }
        return c;
    }

    /** The first component of the current form whose name starts with the prefix. */
    protected static Component findPrefix(String prefix) {
        Form f = CN.getCurrentForm();
        return f == null ? null : find(f, prefix, true);
    }

    private static Component find(Container c, String name, boolean prefix) {
        for (int i = 0; i < c.getComponentCount(); i++) {
            Component k = c.getComponentAt(i);
            String n = k.getName();
            if (n != null && (prefix ? n.startsWith(name) : n.equals(name))) {
                return k;
            }
            if (k instanceof Container) {
                Component r = find((Container) k, name, prefix);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The text of a named label, text field or message area of the current form. */
    protected static String text(String name) {
        Component c = find(name);
        if (c instanceof Label) {
            return ((Label) c).getText();
        }
        if (c instanceof TextArea) {
            return ((TextArea) c).getText();
        }
        if (c instanceof SpanLabel) {
            return ((SpanLabel) c).getText();
        }
        return null;
    }

    protected void setField(String name, String value) throws Exception {
        waitUntil(() -> find(name) != null, 20000, "field " + name);
        CN.callSeriallyAndWait(() -> ((TextArea) find(name)).setText(value));
    }

    /** Scrolls the current form so that the named component is on screen (before a screenshot). */
    protected void scrollTo(String name) throws Exception {
        CN.callSeriallyAndWait(() -> {
            Component c = find(name);
            if (c != null) {
                CN.getCurrentForm().scrollComponentToVisible(c);
            }
        });
        settle();
    }

    /** Saves the current form as docs/screenshots/NAME.png. */
    protected void screenshot(String name) throws Exception {
        settle();
        String dir = CONF.getProperty("creneau.screenshots", "");
        if (dir.length() == 0 || dir.startsWith("${")) {
            return;
        }
        final Image[] img = {null};
        CN.callSeriallyAndWait(() -> {
            Form f = CN.getCurrentForm();
            Image i = Image.createImage(f.getWidth(), f.getHeight(), 0xffffffff);
            f.paintComponent(i.getGraphics(), true);
            img[0] = i;
        });
        new File(dir).mkdirs();
        Object nat = img[0].getImage();
        if (nat instanceof BufferedImage) {
            javax.imageio.ImageIO.write((BufferedImage) nat, "png", new File(dir, name + ".png"));
        } else {
            Log.p("screenshot " + name + ": not a BufferedImage");
        }
    }

    // ---- plain HTTP, as another client than the app (a second user acting at the same time)

    /** Sends a JSON request and answers the parsed body (a map; a JSON array sits under "root"); fails on >= 300. */
    protected static java.util.Map<String, Object> http(String method, String path, String json, String token)
            throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(api() + path).openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        c.setRequestProperty("Accept", "application/json");
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (json != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            try (java.io.OutputStream o = c.getOutputStream()) {
                o.write(json.getBytes("UTF-8"));
            }
        }
        int code = c.getResponseCode();
        InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream();
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while (in != null && (n = in.read(buf)) > 0) {
            b.write(buf, 0, n);
        }
        String body = b.toString("UTF-8");
        if (code >= 300) {
            throw new AssertionError(method + " " + path + " answered " + code + ": " + body);
        }
        if (body.trim().length() == 0) {
            return new java.util.HashMap<String, Object>();
        }
        return new com.codename1.io.JSONParser().parseJSON(new java.io.StringReader(body));
    }

    /** An access token for a demo account, over plain HTTP. */
    protected static String tokenOf(String email) throws Exception {
        return (String) http("POST", "/api/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null).get("accessToken");
    }

    protected static Long id(Object number) {
        return number == null ? null : Long.valueOf(((Number) number).longValue());
    }

    /** The JSON parser may answer booleans as strings. */
    protected static boolean isTrue(Object v) {
        return "true".equals(String.valueOf(v));
    }

    /** The practitioner with this last name, as the directory lists it, or null. */
    @SuppressWarnings("unchecked")
    protected static java.util.Map<String, Object> practitionerNamed(String lastName, String token) throws Exception {
        java.util.List<Object> ps = (java.util.List<Object>) http("GET", "/api/practitioners?q=" + lastName, null, token)
                .get("root");
        for (int i = 0; ps != null && i < ps.size(); i++) {
            java.util.Map<String, Object> p = (java.util.Map<String, Object>) ps.get(i);
            if (lastName.equals(p.get("lastName"))) {
                return p;
            }
        }
        return null;
    }

    /** A motive of the practitioner that patients may book online (not an urgency reserve), or null. */
    @SuppressWarnings("unchecked")
    protected static Long onlineMotive(Long practitionerId, String token) throws Exception {
        java.util.List<Object> ms = (java.util.List<Object>) http("GET", "/api/practitioners/" + practitionerId
                + "/motives", null, token).get("root");
        for (int i = 0; ms != null && i < ms.size(); i++) {
            java.util.Map<String, Object> m = (java.util.Map<String, Object>) ms.get(i);
            if (isTrue(m.get("bookableOnline")) && !isTrue(m.get("urgencyReserve"))) {
                return id(m.get("id"));
            }
        }
        return null;
    }

    /** The first free slot of the practitioner for the motive, from two days ahead over eight weeks, or null. */
    @SuppressWarnings("unchecked")
    protected static java.util.Map<String, Object> firstFreeSlot(Long practitionerId, Long motive, String timezone,
            String token) throws Exception {
        String today = fr.creneau.app.logic.Instants.localDate(System.currentTimeMillis(), timezone);
        for (int week = 0; week < 8; week++) {
            String from = fr.creneau.app.logic.Instants.addDays(today, 2 + 7 * week);
            java.util.List<Object> slots = (java.util.List<Object>) http("GET", "/api/practitioners/" + practitionerId
                    + "/availability?motiveId=" + motive + "&from=" + from + "&to="
                    + fr.creneau.app.logic.Instants.addDays(from, 6), null, token).get("root");
            if (slots != null && !slots.isEmpty()) {
                return (java.util.Map<String, Object>) slots.get(0);
            }
        }
        return null;
    }
}
