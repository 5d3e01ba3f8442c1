package fr.creneau.backend.notification;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The HTTP transport the Firebase SDK sends FCM requests through: HTTP/1.1 with persistent connections, one request
 * at a time per connection, over TLS for {@code https} URLs.
 *
 * <p>Why not the SDK's Apache HttpClient: FCM HTTP v1 takes one HTTP request per message, so at reminder peaks the
 * client's own per-request work is a third of the dispatcher's CPU (interceptor chain, route and URI rewriting,
 * cookie handling, context maps), for requests that never need any of it: same host, small JSON body, no cookies,
 * no redirects. This transport writes the request line, headers and body in one buffer and reads the answer whole
 * (FCM answers are a few hundred bytes), so a connection goes back to the pool as soon as the answer is read.
 *
 * <p>Requests may be routed to another address ({@code endpoint}, a local fake in tests and benchmarks): the request
 * still names Google's host and path, only the TCP connection goes elsewhere.
 */
final class KeepAliveHttpTransport extends HttpTransport {
    private static final int MAX_ANSWER_BYTES = 1 << 20;
    /** Google closes idle connections after a few minutes; older idle ones are not reused (a request on a connection
     * the server has just closed fails with no answer). */
    private static final long MAX_IDLE_NANOS = 30_000_000_000L;

    private final URI endpoint;
    private final ArrayBlockingQueue<Connection> idle;
    private final SSLSocketFactory tls;

    KeepAliveHttpTransport(int maxIdleConnections, String endpoint) {
        this(maxIdleConnections, endpoint, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** With the TLS trust of one's own (tests: a self-signed server). */
    KeepAliveHttpTransport(int maxIdleConnections, String endpoint, SSLSocketFactory tls) {
        this.idle = new ArrayBlockingQueue<>(Math.max(1, maxIdleConnections));
        this.endpoint = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
        this.tls = tls;
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) {
        return new Request(method, URI.create(url));
    }

    @Override
    public void shutdown() {
        Connection c;
        while ((c = idle.poll()) != null) {
            c.close();
        }
    }

    private Connection connect(URI target, int connectMillis, int readMillis) throws IOException {
        URI address = endpoint != null ? endpoint : target;
        boolean secure = "https".equalsIgnoreCase(address.getScheme());
        int port = address.getPort() >= 0 ? address.getPort() : secure ? 443 : 80;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address.getHost(), port), connectMillis);
            socket.setSoTimeout(readMillis);
            if (secure) {
                SSLSocket ssl = (SSLSocket) tls.createSocket(socket, address.getHost(), port, true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
                ssl.startHandshake();
                socket = ssl;
            }
            return new Connection(target.getHost(), socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private Connection pooled(String host) {
        Connection c;
        while ((c = idle.poll()) != null) {
            if (c.host.equals(host) && System.nanoTime() - c.idleSince < MAX_IDLE_NANOS) {
                return c;
            }
            c.close();
        }
        return null;
    }

    private void release(Connection c) {
        c.idleSince = System.nanoTime();
        if (!idle.offer(c)) {
            c.close();
        }
    }

    private static final class Connection {
        final String host;
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        long idleSince;

        Connection(String host, Socket socket) throws IOException {
            this.host = host;
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.out = socket.getOutputStream();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that is already broken
            }
        }
    }

    /** Thrown when a reused connection turned out to be closed before any byte of the answer came back. */
    private static final class StaleConnection extends IOException {
        StaleConnection(Throwable cause) {
            super(cause);
        }
    }

    private final class Request extends LowLevelHttpRequest {
        private final String method;
        private final URI url;
        private final List<String> headers = new ArrayList<>(16);
        private int connectMillis = 20_000;
        private int readMillis = 20_000;

        Request(String method, URI url) {
            this.method = method;
            this.url = url;
        }

        @Override
        public void addHeader(String name, String value) {
            headers.add(name);
            headers.add(value);
        }

        @Override
        public void setTimeout(int connectTimeout, int readTimeout) {
            this.connectMillis = connectTimeout;
            this.readMillis = readTimeout;
        }

        @Override
        public LowLevelHttpResponse execute() throws IOException {
            byte[] request = serialize();
            Connection reused = pooled(url.getHost());
            if (reused != null) {
                try {
                    return exchange(reused, request);
                } catch (StaleConnection e) {
                    // The server closed the idle connection as we sent: nothing was answered, send on a new one
                }
            }
            Connection fresh = connect(url, connectMillis, readMillis);
            try {
                return exchange(fresh, request);
            } catch (StaleConnection e) {
                throw (IOException) e.getCause();
            }
        }

        private byte[] serialize() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
            if (getStreamingContent() != null) {
                getStreamingContent().writeTo(body);
            }
            StringBuilder head = new StringBuilder(512);
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            head.append(method).append(' ').append(path);
            if (url.getRawQuery() != null) {
                head.append('?').append(url.getRawQuery());
            }
            head.append(" HTTP/1.1\r\nHost: ").append(url.getHost());
            if (url.getPort() >= 0) {
                head.append(':').append(url.getPort());
            }
            head.append("\r\n");
            for (int i = 0; i < headers.size(); i += 2) {
                String name = headers.get(i);
                if (!"content-length".equalsIgnoreCase(name) && !"host".equalsIgnoreCase(name)
                        && !(getContentType() != null && "content-type".equalsIgnoreCase(name))) {
                    head.append(name).append(": ").append(headers.get(i + 1)).append("\r\n");
                }
            }
            if (getContentType() != null) {
                head.append("Content-Type: ").append(getContentType()).append("\r\n");
            }
            if (getContentEncoding() != null) {
                head.append("Content-Encoding: ").append(getContentEncoding()).append("\r\n");
            }
            if (getStreamingContent() != null || "POST".equals(method) || "PUT".equals(method)) {
                head.append("Content-Length: ").append(body.size()).append("\r\n");
            }
            head.append("\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[h.length + body.size()];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body.toByteArray(), 0, all, h.length, body.size());
            return all;
        }

        private LowLevelHttpResponse exchange(Connection c, byte[] request) throws IOException {
            boolean keep;
            Response response;
            try {
                c.socket.setSoTimeout(readMillis);
                try {
                    c.out.write(request);
                    c.out.flush();
                } catch (IOException e) {
                    throw new StaleConnection(e);
                }
                response = Response.read(c.in, "HEAD".equals(method));
                keep = response.keepAlive;
            } catch (IOException | RuntimeException e) {
                c.close();
                throw e;
            }
            if (keep) {
                release(c);
            } else {
                c.close();
            }
            return response;
        }
    }

    static final class Response extends LowLevelHttpResponse {
        private final String statusLine;
        private final int status;
        private final String reason;
        private final List<String> headers;
        private final byte[] body;
        private final boolean keepAlive;

        private Response(String statusLine, int status, String reason, List<String> headers, byte[] body,
                boolean keepAlive) {
            this.statusLine = statusLine;
            this.status = status;
            this.reason = reason;
            this.headers = headers;
            this.body = body;
            this.keepAlive = keepAlive;
        }

        /** Reads one whole HTTP/1.1 answer; a stream that ends before its first byte is a stale connection. */
        static Response read(InputStream in, boolean headRequest) throws IOException {
            String statusLine;
            try {
                statusLine = line(in, true);
            } catch (EOFException e) {
                throw new StaleConnection(e);
            } catch (IOException e) {
                if (e instanceof java.net.SocketTimeoutException) {
                    throw e;
                }
                throw new StaleConnection(e);
            }
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new IOException("Not an HTTP/1.x answer: " + abbreviate(statusLine));
            }
            int status;
            try {
                status = Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new IOException("Bad HTTP status line: " + abbreviate(statusLine));
            }
            String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
            boolean keepAlive = statusLine.startsWith("HTTP/1.1");
            List<String> headers = new ArrayList<>(16);
            long length = -1;
            boolean chunked = false;
            for (String h = line(in, false); !h.isEmpty(); h = line(in, false)) {
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("Bad HTTP header: " + abbreviate(h));
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                headers.add(name);
                headers.add(value);
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    String v = value.toLowerCase(Locale.ROOT);
                    keepAlive = v.contains("close") ? false : v.contains("keep-alive") || keepAlive;
                }
            }
            byte[] body;
            if (headRequest || status == 204 || status == 304 || status / 100 == 1) {
                body = new byte[0];
            } else if (chunked) {
                body = chunks(in);
            } else if (length >= 0) {
                if (length > MAX_ANSWER_BYTES) {
                    throw new IOException("HTTP answer too large: " + length + " bytes");
                }
                body = in.readNBytes((int) length);
                if (body.length != length) {
                    throw new EOFException("HTTP answer cut after " + body.length + " of " + length + " bytes");
                }
            } else {
                body = untilClose(in);
                keepAlive = false;
            }
            return new Response(statusLine, status, reason, headers, body, keepAlive);
        }

        private static byte[] chunks(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            while (true) {
                String size = line(in, false);
                int semicolon = size.indexOf(';');
                int n;
                try {
                    n = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("Bad chunk size: " + abbreviate(size));
                }
                if (n == 0) {
                    while (!line(in, false).isEmpty()) {
                        // trailers are not used
                    }
                    return out.toByteArray();
                }
                if (out.size() + n > MAX_ANSWER_BYTES) {
                    throw new IOException("HTTP answer too large");
                }
                byte[] chunk = in.readNBytes(n);
                if (chunk.length != n) {
                    throw new EOFException("HTTP chunk cut");
                }
                out.write(chunk);
                line(in, false);
            }
        }

        private static byte[] untilClose(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + n > MAX_ANSWER_BYTES) {
                    throw new IOException("HTTP answer too large");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }

        /** One CRLF-terminated line in ISO-8859-1, without its terminator. */
        private static String line(InputStream in, boolean first) throws IOException {
            StringBuilder s = new StringBuilder(64);
            while (true) {
                int b = in.read();
                if (b < 0) {
                    if (first && s.length() == 0) {
                        throw new EOFException("connection closed before the answer");
                    }
                    throw new EOFException("HTTP answer cut in a header line");
                }
                if (b == '\n') {
                    int end = s.length();
                    if (end > 0 && s.charAt(end - 1) == '\r') {
                        s.setLength(end - 1);
                    }
                    return s.toString();
                }
                if (s.length() > 16_384) {
                    throw new IOException("HTTP header line too long");
                }
                s.append((char) b);
            }
        }

        private static String abbreviate(String s) {
            return s.length() > 80 ? s.substring(0, 80) + "..." : s;
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public String getContentEncoding() {
            return header("Content-Encoding");
        }

        @Override
        public long getContentLength() {
            return body.length;
        }

        @Override
        public String getContentType() {
            return header("Content-Type");
        }

        @Override
        public String getStatusLine() {
            return statusLine;
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        public String getReasonPhrase() {
            return reason;
        }

        @Override
        public int getHeaderCount() {
            return headers.size() / 2;
        }

        @Override
        public String getHeaderName(int index) {
            return headers.get(2 * index);
        }

        @Override
        public String getHeaderValue(int index) {
            return headers.get(2 * index + 1);
        }

        private String header(String name) {
            for (int i = 0; i < headers.size(); i += 2) {
                if (headers.get(i).equalsIgnoreCase(name)) {
                    return headers.get(i + 1);
                }
            }
            return null;
        }
    }
}
