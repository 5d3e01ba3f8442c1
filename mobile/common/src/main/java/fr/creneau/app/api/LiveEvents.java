package fr.creneau.app.api;

import com.codename1.io.ConnectionRequest;
import com.codename1.io.NetworkManager;
import com.codename1.io.Util;
import com.codename1.ui.CN;
import fr.creneau.app.Config;
import fr.creneau.app.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;

/**
 * The practice's live updates over Server-Sent Events (GET /api/practices/{id}/events?access_token=...): one
 * ConnectionRequest that keeps reading the stream, on a network thread of its own, and hands each named event to
 * the listener on the EDT. It reconnects (with a fresh token) when the stream ends, until {@link #stop()}.
 */
public final class LiveEvents {
    /** Receives each event on the EDT: its name (READY, AGENDA_CHANGED, NEW_REQUEST, ...) and JSON data. */
    public interface Listener {
        void onEvent(String name, String data);
    }

    private static LiveEvents current;
    private static boolean extraThread;
    private final Long practiceId;
    private final Long accountId;
    private volatile Listener listener;
    private volatile boolean stopped;
    private volatile ConnectionRequest req;
    private volatile InputStream stream;

    private LiveEvents(Long practiceId, Listener l) {
        this.practiceId = practiceId;
        this.accountId = Session.get().account() == null ? null : Session.get().account().id;
        this.listener = l;
    }

    /** Listens to the practice's events (one stream at a time; a new listener replaces the previous one). */
    public static synchronized void listen(Long practiceId, Listener l) {
        Long account = Session.get().account() == null ? null : Session.get().account().id;
        if (current != null && !current.stopped && current.practiceId.equals(practiceId)
                && account != null && account.equals(current.accountId)) {
            current.listener = l;
            return;
        }
        stop();
        if (!extraThread) {
            // the stream holds a network thread for good, and a stopped one until its next keep-alive (20 s at
            // most): keep enough threads for the ordinary calls
            NetworkManager.getInstance().updateThreadCount(4);
            extraThread = true;
        }
        current = new LiveEvents(practiceId, l);
        final LiveEvents le = current;
        CN.startThread(() -> le.loop(), "live-events").start();
    }

    public static synchronized void stop() {
        if (current != null) {
            current.stopped = true;
            final ConnectionRequest r = current.req;
            final InputStream in = current.stream;
            current = null;
            // killing or closing waits for the blocked read (up to the next keep-alive, 20 s): never on the
            // caller's thread
            CN.startThread(() -> {
                if (r != null) {
                    r.kill();
                }
                if (in != null) {
                    Util.cleanup(in);
                }
            }, "live-events-close").start();
        }
    }

    private void loop() {
        int failures = 0;
        while (!stopped) {
            String token = Session.get().accessToken();
            if (token == null) {
                return;
            }
            final int[] status = {0};
            ConnectionRequest r = new ConnectionRequest() {
                @Override
                protected void readResponse(InputStream input) throws IOException {
                    read(input);
                }

                @Override
                protected void handleErrorResponseCode(int code, String message) {
                    status[0] = code;
                }

                @Override
                protected void handleException(Exception err) {
                    // reconnects below
                }
            };
            r.setUrl(Config.apiBase() + "/api/practices/" + practiceId + "/events?access_token=" + ApiClient.enc(token));
            r.setHttpMethod("GET");
            r.setPost(false);
            r.setFailSilently(true);
            r.setDuplicateSupported(true);
            r.setTimeout(ApiClient.CONNECT_TIMEOUT_MS);
            // the server sends a keep-alive comment every 20 s
            r.setReadTimeout(60000);
            r.addRequestHeader("Accept", "text/event-stream");
            req = r;
            try {
                NetworkManager.getInstance().addToQueueAndWait(r);
            } catch (Throwable t) {
                // reconnects below
            }
            if (stopped) {
                return;
            }
            if (status[0] == 401) {
                ApiClient.get().refresh();
            }
            failures = Math.min(failures + 1, 6);
            Util.sleep(1000 * failures);
        }
    }

    private void read(InputStream input) throws IOException {
        stream = input;
        if (stopped) {
            return;
        }
        Reader in = new InputStreamReader(input, "UTF-8");
        StringBuilder line = new StringBuilder();
        String event = null;
        StringBuilder data = new StringBuilder();
        int c;
        while (!stopped && (c = in.read()) >= 0) {
            if (c == '\r') {
                continue;
            }
            if (c != '\n') {
                line.append((char) c);
                continue;
            }
            String l = line.toString();
            line.setLength(0);
            if (l.length() == 0) {
                if (event != null || data.length() > 0) {
                    dispatch(event == null ? "message" : event, data.toString());
                }
                event = null;
                data.setLength(0);
            } else if (l.startsWith("event:")) {
                event = l.substring(6).trim();
            } else if (l.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(l.substring(5).trim());
            }
            // ":" comments (keep-alive) and "id:" lines need nothing
        }
    }

    private void dispatch(final String name, final String data) {
        final Listener l = listener;
        if (l != null && !stopped) {
            CN.callSerially(() -> l.onEvent(name, data));
        }
    }
}
