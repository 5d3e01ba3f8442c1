package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Live updates: dr.martin@demo's agenda listens to the practice's SSE stream; the secretariat (another client,
 * over plain HTTP here) transfers a call urgently to Dr Martin, and the agenda shows the alert within seconds.
 */
public class LiveAgendaTest extends CreneauUiTest {
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        restart("fr");
        login("dr.martin@demo.creneau.fr");
        waitForFormName("Agenda");
        waitUntil(() -> CN.getCurrentForm().getClientProperty("live") != null, 20000, "SSE stream READY");
        Long practitionerId = Session.get().account().practitionerId;

        String token = field(post("/api/auth/login",
                "{\"email\":\"secretariat@demo.creneau.fr\",\"password\":\"" + PASSWORD + "\"}", null), "accessToken");
        String practiceId = String.valueOf(Session.get().account().practiceId);
        String call = post("/api/practices/" + practiceId + "/calls", "{\"callerName\":\"Jean Lefèvre\"}", token);
        String callId = number(call, "id");
        long sent = System.currentTimeMillis();
        post("/api/calls/" + callId + "/outcome",
                "{\"outcome\":\"URGENT_TRANSFER\",\"practitionerId\":" + practitionerId + "}", token);
        waitUntil(() -> find("liveAlert") != null && !find("liveAlert").isHidden(), 10000, "urgent transfer shown");
        log("urgent transfer shown after " + (System.currentTimeMillis() - sent) + " ms");
        assertEqual(I18n.tr("live.urgentTransfer"), text("liveAlert"));
        assertEqual("URGENT_TRANSFER", CN.getCurrentForm().getClientProperty("live"));
        screenshot("fr-34-live-urgent-transfer");
        long t = System.currentTimeMillis();
        logout();
        log("logout took " + (System.currentTimeMillis() - t) + " ms");
        return true;
    }

    private static String post(String path, String json, String token) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(api() + path).openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        c.setRequestProperty("Content-Type", "application/json");
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        try (OutputStream o = c.getOutputStream()) {
            o.write(json.getBytes("UTF-8"));
        }
        int code = c.getResponseCode();
        InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while (in != null && (n = in.read(buf)) > 0) {
            b.write(buf, 0, n);
        }
        String body = b.toString("UTF-8");
        if (code >= 300) {
            throw new AssertionError(path + " answered " + code + ": " + body);
        }
        return body;
    }

    private static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(i, json.indexOf('"', i));
    }

    private static String number(String json, String name) {
        int i = json.indexOf("\"" + name + "\":") + name.length() + 3;
        int j = i;
        while (j < json.length() && Character.isDigit(json.charAt(j))) {
            j++;
        }
        return json.substring(i, j);
    }
}
