package fr.creneau.backend.notification;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import org.apache.http.conn.routing.HttpRoutePlanner;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.impl.conn.SystemDefaultRoutePlanner;

import java.net.ProxySelector;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP transport of the Firebase SDK. Its default (HttpURLConnection) keeps at most 5 idle connections per
 * host, so the parallel requests of one sendEach open and close a connection each; a pooled Apache client keeps
 * them open. Benchmark tooling of NotificationBenchmark (session 1). Production builds its transport in FcmClient
 * (the same pool, plus a bounded SDK executor and time-outs), measured by bench/notification/dispatch.sh.
 */
public final class FcmTransports {
    private FcmTransports() {
    }

    public static HttpTransport pooled(int connections) {
        return pooled(connections, new SystemDefaultRoutePlanner(ProxySelector.getDefault()));
    }

    /** With a route planner of one's own: tests route the connections to a local fake FCM. */
    public static HttpTransport pooled(int connections, HttpRoutePlanner routes) {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(60, TimeUnit.SECONDS);
        pool.setMaxTotal(connections);
        pool.setDefaultMaxPerRoute(connections);
        return new ApacheHttpTransport(HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(pool)
                .setRoutePlanner(routes)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .build());
    }
}
