package bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * GET one path at a fixed arrival rate (open model: a request starts every 1/rate s whether or not the earlier
 * ones have answered, so a slow server shows in the latency instead of lowering the rate), after a warm-up at
 * the same rate whose requests are reported under another name.
 * System properties: baseUrl, path, rate (requests/s), warmup and duration (s), name.
 */
public class FixedRateSimulation extends Simulation {
    private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:18090");
    private final String path = System.getProperty("path", "/q/health/ready");
    private final double rate = Double.parseDouble(System.getProperty("rate", "500"));
    private final int warmup = Integer.getInteger("warmup", 10);
    private final int duration = Integer.getInteger("duration", 30);
    private final String name = System.getProperty("name", "measured");

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl).acceptHeader("application/json")
            .shareConnections();

    private ScenarioBuilder requests(String requestName) {
        return scenario(requestName).exec(http(requestName).get(path).check(status().is(200)));
    }

    {
        setUp(requests("warmup").injectOpen(constantUsersPerSec(rate).during(warmup))
                .andThen(requests(name).injectOpen(constantUsersPerSec(rate).during(duration))))
                .protocols(protocol);
    }
}
