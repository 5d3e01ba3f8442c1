package fr.creneau.backend.notification;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.ThreadManager;
import com.google.firebase.messaging.FirebaseMessaging;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.conn.routing.HttpRoutePlanner;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.impl.conn.SystemDefaultRoutePlanner;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Firebase Admin SDK as the dispatcher uses it. {@code sendEach} sends every message as its own HTTP request,
 * each on a task of the app's executor. Left to its defaults the SDK runs them on an unbounded cached pool (one
 * thread per message of a 500-message call) over {@code HttpURLConnection}, which keeps only 5 idle connections per
 * host, so most requests opened a new connection; and its time-outs are infinite, so a hung provider would pin the
 * dispatcher for good. Here:
 * <ul>
 *   <li>a fixed executor of {@code concurrency} threads and a keep-alive connection pool of the same size: each
 *       sender thread reuses one connection;</li>
 *   <li>connect, read and pool-wait time-outs on every request (OAuth token requests included);</li>
 *   <li>optionally, every request routed to a local fake ({@code endpoint}): the request still names Google's
 *       host and path, only the TCP connection goes elsewhere, so the SDK's code path is the production one.</li>
 * </ul>
 */
public final class FcmClient {
    private FcmClient() {
    }

    public record Settings(int concurrency, Duration connectTimeout, Duration readTimeout, String endpoint) {
    }

    /** One FirebaseApp per call: a name of its own, its own pool and executor. */
    public static FirebaseMessaging create(InputStream serviceAccount, String projectId, Settings s, String appName)
            throws IOException {
        HttpTransport transport = transport(s);
        FirebaseOptions.Builder options = FirebaseOptions.builder()
                .setCredentials(GoogleCredentials.fromStream(serviceAccount, () -> transport))
                .setHttpTransport(transport)
                .setThreadManager(new BoundedThreads(s.concurrency()))
                .setConnectTimeout(millis(s.connectTimeout()))
                .setReadTimeout(millis(s.readTimeout()))
                .setWriteTimeout(millis(s.readTimeout()));
        if (projectId != null) {
            options.setProjectId(projectId);
        }
        return FirebaseMessaging.getInstance(FirebaseApp.initializeApp(options.build(), appName));
    }

    static HttpTransport transport(Settings s) {
        if (proxied()) {
            return apacheTransport(s);
        }
        return new KeepAliveHttpTransport(s.concurrency(), s.endpoint());
    }

    /** A JVM configured with an HTTPS proxy sends through Apache HttpClient, which honours the proxy settings. */
    private static boolean proxied() {
        return System.getProperty("https.proxyHost") != null && !System.getProperty("https.proxyHost").isBlank();
    }

    static HttpTransport apacheTransport(Settings s) {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(60, TimeUnit.SECONDS);
        pool.setMaxTotal(s.concurrency());
        pool.setDefaultMaxPerRoute(s.concurrency());
        HttpRoutePlanner routes = new SystemDefaultRoutePlanner(ProxySelector.getDefault());
        if (s.endpoint() != null && !s.endpoint().isBlank()) {
            URI uri = URI.create(s.endpoint());
            HttpHost fake = new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme());
            routes = (target, request, context) -> new HttpRoute(fake);
        }
        return new ApacheHttpTransport(HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(pool)
                .setRoutePlanner(routes)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(millis(s.connectTimeout()))
                        .setSocketTimeout(millis(s.readTimeout()))
                        .setConnectionRequestTimeout(millis(s.readTimeout()))
                        .build())
                .disableRedirectHandling()
                // The SDK retries itself (with backoff); a second retry layer would multiply the attempts
                .disableAutomaticRetries()
                .build());
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    /** The SDK's executor: a fixed number of daemon threads instead of one per in-flight message. */
    static final class BoundedThreads extends ThreadManager {
        private final int threads;
        private final AtomicInteger names = new AtomicInteger();

        BoundedThreads(int threads) {
            this.threads = Math.max(1, threads);
        }

        @Override
        protected ExecutorService getExecutor(FirebaseApp app) {
            return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    getThreadFactory());
        }

        @Override
        protected void releaseExecutor(FirebaseApp app, ExecutorService executor) {
            executor.shutdownNow();
        }

        @Override
        protected ThreadFactory getThreadFactory() {
            return r -> {
                Thread t = new Thread(r, "fcm-send-" + names.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }
    }
}
