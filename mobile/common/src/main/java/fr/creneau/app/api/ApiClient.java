package fr.creneau.app.api;

import com.codename1.io.CharArrayReader;
import com.codename1.io.ConnectionRequest;
import com.codename1.io.JSONParser;
import com.codename1.io.NetworkManager;
import com.codename1.io.Util;
import fr.creneau.app.Config;
import fr.creneau.app.Session;
import fr.creneau.model.api.ProblemDetail;
import fr.creneau.model.api.RefreshRequest;
import fr.creneau.model.api.TokenResponse;
import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON over HTTP to the Creneau API. Every call has connect and read timeouts, fails silently (no Codename One
 * error dialog) and returns an {@link ApiResult}. An expired access token is refreshed once and the call retried.
 * Calls block the calling thread; on the EDT Codename One keeps the UI alive while waiting (invokeAndBlock).
 */
public class ApiClient {
    public static final int CONNECT_TIMEOUT_MS = 10000;
    public static final int READ_TIMEOUT_MS = 20000;

    private static ApiClient instance = new ApiClient();

    public static ApiClient get() {
        return instance;
    }

    /** Raw answer: status (0 when the network failed) and the parsed JSON body (a Map, a List or null). */
    public static class Raw {
        public int status;
        public Object json;
        public ProblemDetail problem;
    }

    public Raw send(String method, String path, Object body, boolean auth) {
        return send(method, path, body, auth, null);
    }

    public Raw send(String method, String path, Object body, boolean auth, String idempotencyKey) {
        Raw r = once(method, path, body, auth, idempotencyKey);
        if (auth && r.status == 401 && Session.get().refreshToken() != null && !path.startsWith("/api/auth/")) {
            if (refresh()) {
                r = once(method, path, body, auth, idempotencyKey);
            }
        }
        return r;
    }

    /** Trades the stored refresh token for new tokens. False when it is gone or refused (the user logs in again). */
    public synchronized boolean refresh() {
        String rt = Session.get().refreshToken();
        if (rt == null) {
            return false;
        }
        RefreshRequest rr = new RefreshRequest();
        rr.refreshToken = rt;
        Raw r = once("POST", "/api/auth/refresh", rr.toMap(), false, null);
        if (r.status == 200 && r.json instanceof Map) {
            Session.get().signedIn(TokenResponse.fromMap(asMap(r.json)));
            return true;
        }
        if (r.status == 401 || r.status == 400) {
            Session.get().clear();
        }
        return false;
    }

    private Raw once(String method, String path, Object body, boolean auth, String idempotencyKey) {
        final Raw raw = new Raw();
        final boolean[] failed = {false};
        ConnectionRequest req = new ConnectionRequest() {
            @Override
            protected void handleErrorResponseCode(int code, String message) {
                // the status is read below; no dialog
            }

            @Override
            protected void handleException(Exception err) {
                failed[0] = true;
            }

            @Override
            protected void handleIOException(java.io.IOException err) {
                failed[0] = true;
            }

            @Override
            protected void handleRuntimeException(RuntimeException err) {
                failed[0] = true;
            }
        };
        req.setUrl(Config.apiBase() + path);
        req.setHttpMethod(method);
        req.setPost(!"GET".equals(method) && !"DELETE".equals(method) || body != null);
        req.setHttpMethod(method);
        req.setFailSilently(true);
        req.setReadResponseForErrors(true);
        req.setDuplicateSupported(true);
        req.setTimeout(CONNECT_TIMEOUT_MS);
        req.setReadTimeout(READ_TIMEOUT_MS);
        req.addRequestHeader("Accept", "application/json, application/problem+json");
        if (auth && Session.get().accessToken() != null) {
            req.addRequestHeader("Authorization", "Bearer " + Session.get().accessToken());
        }
        if (idempotencyKey != null) {
            req.addRequestHeader("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            req.setContentType("application/json");
            req.setRequestBody(toJson(body));
        }
        try {
            NetworkManager.getInstance().addToQueueAndWait(req);
        } catch (Throwable t) {
            failed[0] = true;
        }
        int code = req.getResponseCode();
        if (failed[0] && code <= 0) {
            raw.status = 0;
            return raw;
        }
        raw.status = code;
        byte[] data = req.getResponseData();
        if (data != null && data.length > 0) {
            try {
                raw.json = parse(new String(data, "UTF-8"));
            } catch (Exception e) {
                raw.json = null;
            }
        }
        if ((code < 200 || code >= 300) && raw.json instanceof Map) {
            try {
                raw.problem = ProblemDetail.fromMap(asMap(raw.json));
            } catch (RuntimeException e) {
                raw.problem = null;
            }
        }
        return raw;
    }

    /** Parses a JSON object or array; numbers as Long/Double, booleans as Boolean. */
    public static Object parse(String text) throws java.io.IOException {
        String t = text.trim();
        JSONParser p = new JSONParser();
        p.setUseLongsInstance(true);
        p.setUseBooleanInstance(true);
        if (t.startsWith("[")) {
            Map<String, Object> m = p.parseJSON(new CharArrayReader(("{\"root\":" + t + "}").toCharArray()));
            return m.get("root");
        }
        if (t.startsWith("{")) {
            return p.parseJSON(new CharArrayReader(t.toCharArray()));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static String toJson(Object body) {
        if (body instanceof JsonMappable) {
            return JSONParser.mapToJson(((JsonMappable) body).toMap());
        }
        if (body instanceof Map) {
            return JSONParser.mapToJson((Map<String, Object>) body);
        }
        return "{}";
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** A JSON array of objects through a DTO reader. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> list(Object json, Json.Reader<T> reader) {
        List<T> out = new ArrayList<T>();
        if (json instanceof List) {
            List<Object> l = (List<Object>) json;
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i) instanceof Map) {
                    out.add(reader.read((Map<String, Object>) l.get(i)));
                }
            }
        }
        return out;
    }

    public static String enc(String s) {
        return s == null ? "" : Util.encodeUrl(s);
    }
}
