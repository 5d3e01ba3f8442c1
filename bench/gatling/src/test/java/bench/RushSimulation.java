package bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Rounds of a rush: in each, every client of the round's feeder (bench/out/rush-N.csv, one line per client) starts
 * at the same instant and POSTs its booking once. Round 0 is a warm-up, reported as "warmup"; the others as
 * "rush". A 201 or a 409 (slot taken) is a correct answer; anything else fails the request.
 *
 * <p>Then, with {@code floorPath} set, the same rounds again (round 0 a warm-up, "floor-warmup"), each client sending
 * one GET of that path with its token, reported as "floor": the latency of the cheapest authenticated request
 * arriving 200 at once, under which no booking can answer on this machine. A 200 is the only correct answer.
 * System properties: baseUrl, rounds, dir, clients, floorPath.
 */
public class RushSimulation extends Simulation {
    private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:18090");
    private final int rounds = Integer.getInteger("rounds", 3);
    private final String dir = System.getProperty("dir", "../out");

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl).contentTypeHeader("application/json")
            .acceptHeader("application/json");

    private PopulationBuilder round(int n) {
        String name = n == 0 ? "warmup" : "rush";
        return scenario("round-" + n).feed(csv(dir + "/rush-" + n + ".csv").queue())
                .exec(http(name).post("/api/appointments").header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"practitionerId\":#{practitionerId},\"motiveId\":#{motiveId},"
                                + "\"patientId\":#{patientId},\"start\":\"#{start}\",\"channel\":\"PHONE\"}"))
                        .check(status().in(201, 409).saveAs("status")))
                .injectOpen(atOnceUsers(Integer.getInteger("clients", 200)));
    }

    private PopulationBuilder floorRound(int n, String path) {
        return scenario("floor-" + n).feed(csv(dir + "/rush-" + n + ".csv").queue())
                .exec(http(n == 0 ? "floor-warmup" : "floor").get(path).header("Authorization", "Bearer #{token}").check(status().is(200)))
                .injectOpen(atOnceUsers(Integer.getInteger("clients", 200)));
    }

    {
        String floorPath = System.getProperty("floorPath", "");
        PopulationBuilder chain = null;
        if (!floorPath.isEmpty()) {
            for (int n = rounds; n >= 0; n--) {
                chain = chain == null ? floorRound(n, floorPath) : floorRound(n, floorPath).andThen(chain);
            }
        }
        for (int n = rounds; n >= 0; n--) {
            chain = chain == null ? round(n) : round(n).andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }
}
