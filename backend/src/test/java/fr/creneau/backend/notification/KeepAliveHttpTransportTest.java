package fr.creneau.backend.notification;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The FCM transport against a raw socket server that answers scripted bytes, so that each HTTP/1.1 framing the
 * transport must read (length, chunks, close) and each connection fate (kept, closed by the server, dead in the
 * pool) is exercised exactly.
 */
class KeepAliveHttpTransportTest {
    private ScriptedServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sendsGoogleHostToTheRoutedAddressAndReusesTheConnection() throws Exception {
        server = new ScriptedServer(List.of(
                ok("{\"name\":\"m1\"}", "Content-Type: application/json; charset=UTF-8"),
                ok("{\"name\":\"m2\"}", "Content-Type: application/json; charset=UTF-8")));
        KeepAliveHttpTransport transport = new KeepAliveHttpTransport(4, "http://127.0.0.1:" + server.port());

        String first = post(transport, "{\"message\":{\"token\":\"t1\"}}");
        String second = post(transport, "{\"message\":{\"token\":\"été\"}}");

        assertThat(first).isEqualTo("{\"name\":\"m1\"}");
        assertThat(second).isEqualTo("{\"name\":\"m2\"}");
        assertThat(server.connections.get()).as("one connection for both requests").isEqualTo(1);
        String request = server.requests.get(1);
        assertThat(request).startsWith("POST /v1/projects/p/messages:send HTTP/1.1\r\n")
                .contains("\r\nHost: fcm.googleapis.com\r\n")
                .contains("\r\nContent-Type: application/json; charset=UTF-8\r\n")
                .contains("\r\nAuthorization: Bearer token-1\r\n")
                .endsWith("\r\n\r\n{\"message\":{\"token\":\"été\"}}");
        int declared = Integer.parseInt(request.replaceAll("(?s).*\r\nContent-Length: (\\d+)\r\n.*", "$1"));
        assertThat(declared).isEqualTo("{\"message\":{\"token\":\"été\"}}".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void readsChunkedAndUntilCloseAnswers() throws Exception {
        server = new ScriptedServer(List.of(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\n{\"nam\r\n8\r\ne\":\"m1\"}\r\n0\r\nX-Trailer: y\r\n\r\n",
                "HTTP/1.0 200 OK\r\n\r\n{\"name\":\"m2\"}"));
        KeepAliveHttpTransport transport = new KeepAliveHttpTransport(4, "http://127.0.0.1:" + server.port());

        assertThat(post(transport, "{}")).isEqualTo("{\"name\":\"m1\"}");
        assertThat(post(transport, "{}")).isEqualTo("{\"name\":\"m2\"}");
        assertThat(server.connections.get()).as("the chunked answer kept its connection").isEqualTo(1);
    }

    @Test
    void opensANewConnectionAfterConnectionClose() throws Exception {
        server = new ScriptedServer(List.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
                ok("{\"name\":\"m2\"}")));
        KeepAliveHttpTransport transport = new KeepAliveHttpTransport(4, "http://127.0.0.1:" + server.port());

        post(transport, "{}");
        assertThat(post(transport, "{}")).isEqualTo("{\"name\":\"m2\"}");
        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void aPooledConnectionTheServerClosedIsReplacedWithoutLosingTheRequest() throws Exception {
        server = new ScriptedServer(List.of(ok("{\"name\":\"m1\"}"), ScriptedServer.HANG_UP, ok("{\"name\":\"m2\"}")));
        KeepAliveHttpTransport transport = new KeepAliveHttpTransport(4, "http://127.0.0.1:" + server.port());

        post(transport, "{\"n\":1}");
        assertThat(post(transport, "{\"n\":2}")).isEqualTo("{\"name\":\"m2\"}");
        assertThat(server.connections.get()).isEqualTo(2);
        assertThat(server.requests).hasSize(3);
        assertThat(server.requests.get(2)).endsWith("{\"n\":2}");
    }

    @Test
    void errorStatusesReachTheSdkWithTheirBody() throws Exception {
        String error = "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\"}}";
        server = new ScriptedServer(List.of("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: "
                + error.length() + "\r\n\r\n" + error));
        KeepAliveHttpTransport transport = new KeepAliveHttpTransport(4, "http://127.0.0.1:" + server.port());

        assertThatThrownBy(() -> post(transport, "{}"))
                .isInstanceOfSatisfying(HttpResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getContent()).isEqualTo(error);
                });
    }

    @Test
    void aSilentServerEndsInAReadTimeoutNotAHang() throws Exception {
        server = new ScriptedServer(List.of(ScriptedServer.SILENCE));
        KeepAliveHttpTransport transport = new KeepAliveHttpTransport(4, "http://127.0.0.1:" + server.port());
        HttpRequest request = transport.createRequestFactory().buildPostRequest(
                new GenericUrl("https://fcm.googleapis.com/v1/projects/p/messages:send"),
                ByteArrayContent.fromString("application/json", "{}"));
        request.setReadTimeout(300);
        request.setNumberOfRetries(0);

        assertThatThrownBy(request::execute).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void aCutAnswerIsAnErrorNotAShortBody() throws Exception {
        server = new ScriptedServer(List.of("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"name\"" + ScriptedServer.CLOSE));
        KeepAliveHttpTransport transport = new KeepAliveHttpTransport(4, "http://127.0.0.1:" + server.port());

        assertThatThrownBy(() -> post(transport, "{}")).isInstanceOf(IOException.class).hasMessageContaining("cut");
    }

    @Test
    void speaksTlsAndChecksTheServerName(@TempDir Path dir) throws Exception {
        SSLContext good = tls(dir, "good", "ip:127.0.0.1");
        server = new ScriptedServer(good.getServerSocketFactory().createServerSocket(0), List.of(ok("{\"name\":\"m1\"}")));
        KeepAliveHttpTransport transport = new KeepAliveHttpTransport(4, "https://127.0.0.1:" + server.port(),
                good.getSocketFactory());
        assertThat(post(transport, "{}")).isEqualTo("{\"name\":\"m1\"}");
        assertThat(server.requests.get(0)).contains("\r\nHost: fcm.googleapis.com\r\n");
        server.close();

        SSLContext otherName = tls(dir, "other", "dns:other.example");
        server = new ScriptedServer(otherName.getServerSocketFactory().createServerSocket(0), List.of(ok("{}")));
        KeepAliveHttpTransport strict = new KeepAliveHttpTransport(4, "https://127.0.0.1:" + server.port(),
                otherName.getSocketFactory());
        assertThatThrownBy(() -> post(strict, "{}")).isInstanceOf(SSLHandshakeException.class);
        assertThat(server.requests).as("nothing sent to a server whose certificate names another host").isEmpty();
    }

    /** A self-signed key pair whose certificate names {@code san}, trusted by the returned context's clients. */
    private static SSLContext tls(Path dir, String alias, String san) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + alias,
                "-ext", "san=" + san, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(keys, "changeit".toCharArray());
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(keys);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(km.getKeyManagers(), tm.getTrustManagers(), null);
        return context;
    }

    private static String ok(String body, String... headers) {
        StringBuilder s = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (String h : headers) {
            s.append(h).append("\r\n");
        }
        return s.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n")
                .append(body).toString();
    }

    private static String post(KeepAliveHttpTransport transport, String json) throws IOException {
        HttpRequest request = transport.createRequestFactory().buildPostRequest(
                new GenericUrl("https://fcm.googleapis.com/v1/projects/p/messages:send"),
                ByteArrayContent.fromString("application/json; charset=UTF-8", json));
        request.getHeaders().setAuthorization("Bearer token-1");
        request.setNumberOfRetries(0);
        HttpResponse response = request.execute();
        return response.parseAsString();
    }

    /**
     * Answers each request, in arrival order across connections, with the next scripted answer. HANG_UP closes the
     * connection without answering (a keep-alive connection the server dropped); SILENCE answers nothing; an answer
     * ending in CLOSE is sent and the connection closed.
     */
    static final class ScriptedServer implements AutoCloseable {
        static final String HANG_UP = "<hang-up>";
        static final String SILENCE = "<silence>";
        static final String CLOSE = "<close>";
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final BlockingQueue<String> answers;
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        ScriptedServer(List<String> answers) throws IOException {
            this(new ServerSocket(0), answers);
        }

        ScriptedServer(ServerSocket socket, List<String> answers) {
            this.socket = socket;
            this.answers = new LinkedBlockingQueue<>(answers);
            Thread acceptor = new Thread(this::accept, "scripted-http");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    connections.incrementAndGet();
                    open.add(s);
                    Thread t = new Thread(() -> serve(s), "scripted-http-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = s.getOutputStream();
                while (true) {
                    String request = readRequest(in);
                    if (request == null) {
                        return;
                    }
                    requests.add(request);
                    String answer = answers.poll();
                    if (answer == null || HANG_UP.equals(answer)) {
                        return;
                    }
                    if (SILENCE.equals(answer)) {
                        Thread.sleep(5_000);
                        return;
                    }
                    boolean close = answer.endsWith(CLOSE);
                    out.write((close ? answer.substring(0, answer.length() - CLOSE.length()) : answer)
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (close || answer.startsWith("HTTP/1.0") || answer.contains("Connection: close")) {
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the test closed the server
            }
        }

        /** One request: its head, then as many body characters as Content-Length bytes decode to. */
        private static String readRequest(BufferedReader in) throws IOException {
            StringBuilder head = new StringBuilder();
            int length = 0;
            for (String line = in.readLine(); ; line = in.readLine()) {
                if (line == null) {
                    return null;
                }
                head.append(line).append("\r\n");
                if (line.isEmpty()) {
                    break;
                }
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            int bytes = 0;
            StringBuilder text = new StringBuilder();
            while (bytes < length) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                text.append((char) c);
                bytes += String.valueOf((char) c).getBytes(StandardCharsets.UTF_8).length;
            }
            return head.append(text).toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }
}
