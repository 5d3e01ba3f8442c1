package fr.creneau.backend.live;

import fr.creneau.backend.auth.TestTokens;
import fr.creneau.backend.messaging.PracticeWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static fr.creneau.backend.messaging.PracticeWorld.as;
import static fr.creneau.backend.messaging.PracticeWorld.renewal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Live updates seen by a real second client: a JDK HttpClient reads the SSE stream while another client makes a
 * change through the API. Arrival is awaited with a generous timeout; no timing is asserted.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class LiveEventsTest {
    private static final Duration AWAIT = Duration.ofSeconds(15);

    @Inject
    Fixtures fx;

    PracticeWorld w;
    final HttpClient http = HttpClient.newHttpClient();
    final ExecutorService readers = Executors.newCachedThreadPool();
    final List<Stream<String>> open = new ArrayList<>();

    @BeforeEach
    void world() {
        w = new PracticeWorld(fx);
    }

    @AfterEach
    void closeStreams() {
        open.forEach(Stream::close);
        readers.shutdownNow();
    }

    private String events(long practiceId) {
        return "http://localhost:" + RestAssured.port + "/api/practices/" + practiceId + "/events";
    }

    /** Opens a stream and returns its lines once READY has arrived (the subscription is then in place). */
    private BlockingQueue<String> subscribe(HttpRequest request) throws Exception {
        HttpResponse<Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(AWAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        open.add(response.body());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        readers.submit(() -> response.body().forEach(lines::add));
        awaitLine(lines, "event:READY");
        return lines;
    }

    private BlockingQueue<String> subscribeWithQueryToken(Actor a, long practiceId) throws Exception {
        return subscribe(HttpRequest.newBuilder(URI.create(events(practiceId) + "?access_token=" + a.token()))
                .header("Accept", "text/event-stream").build());
    }

    /** The first line containing {@code fragment} (spaces ignored), waiting up to AWAIT. */
    private static String awaitLine(BlockingQueue<String> lines, String fragment) throws InterruptedException {
        Instant deadline = Instant.now().plus(AWAIT);
        while (Instant.now().isBefore(deadline)) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.replace(" ", "").contains(fragment.replace(" ", ""))) {
                return line;
            }
        }
        throw new AssertionError("No line with " + fragment + " within " + AWAIT);
    }

    private long todaysAppointment(long patientId) {
        Instant start = Instant.now().plus(2, ChronoUnit.MINUTES);
        LocalDate paris = LocalDate.now(ZoneId.of("Europe/Paris"));
        if (!start.atZone(ZoneId.of("Europe/Paris")).toLocalDate().equals(paris)) {
            start = Instant.now().minus(30, ChronoUnit.MINUTES);
        }
        return fx.appointment(w.practiceId, w.practitionerId, w.siteId, patientId, w.motiveId, start, 20, "BOOKED",
                w.secretary.accountId());
    }

    @Test
    void theStreamEndsWhenItsTokenExpires() throws Exception {
        Instant expiry = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<Stream<String>> response = http.sendAsync(HttpRequest.newBuilder(URI.create(events(w.practiceId)
                        + "?access_token=" + TestTokens.expiringAt(w.secretary, expiry)))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .get(AWAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        open.add(response.body());
        // the body stream completes (the server closed it) instead of staying open with heartbeats
        List<String> lines = readers.submit(() -> response.body().toList()).get(AWAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(lines).anyMatch(l -> l.replace(" ", "").equals("event:READY"));
        assertThat(Instant.now()).isAfterOrEqualTo(expiry);
    }

    @Test
    void aCheckInArrivesAtAnotherClientsStream() throws Exception {
        BlockingQueue<String> secretaryStream = subscribeWithQueryToken(w.secretary, w.practiceId);
        long appointment = todaysAppointment(w.babyId);

        as(w.patient).post("/api/appointments/" + appointment + "/check-in").then().statusCode(200)
                .body("status", equalTo("ARRIVED")).body("id", equalTo((int) appointment));

        awaitLine(secretaryStream, "event:ARRIVAL");
        String data = awaitLine(secretaryStream, "\"appointmentId\":" + appointment);
        assertThat(data).startsWith("data:").contains("\"practitionerId\":" + w.practitionerId).contains("ARRIVED");
        assertThat(fx.queryString("SELECT status FROM appointment WHERE id = ?", appointment)).isEqualTo("ARRIVED");
        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE action = 'APPOINTMENT_CHECK_IN' AND object_id = ?", appointment)).isEqualTo(1);
    }

    @Test
    void aNewRequestReachesTheBearerStreamWithoutClinicalDetail() throws Exception {
        BlockingQueue<String> practitionerStream = subscribe(HttpRequest.newBuilder(URI.create(events(w.practiceId)))
                .header("Authorization", w.practitioner.bearer()).header("Accept", "text/event-stream").build());
        long id = w.request(w.patient.patientId(), renewal());
        String data = awaitLine(practitionerStream, "\"requestId\":" + id);
        assertThat(data).contains("NEW_REQUEST").contains("ROUTINE").doesNotContain("Lévothyrox").doesNotContain("medication");
    }

    @Test
    void anUrgentTransferIsPushedToThePractitioner() throws Exception {
        BlockingQueue<String> practitionerStream = subscribeWithQueryToken(w.practitioner, w.practiceId);
        BlockingQueue<String> foreignStream = subscribeWithQueryToken(w.foreignPractitioner, w.foreignPracticeId);
        long call = ((Number) as(w.secretary).body(Map.of()).post("/api/practices/" + w.practiceId + "/calls")
                .then().statusCode(201).extract().path("id")).longValue();
        as(w.secretary).body(Map.of("outcome", "URGENT_TRANSFER", "practitionerId", w.practitionerId))
                .post("/api/calls/" + call + "/outcome").then().statusCode(200);
        awaitLine(practitionerStream, "event:URGENT_TRANSFER");
        assertThat(awaitLine(practitionerStream, "\"callId\":" + call)).contains("\"practitionerId\":" + w.practitionerId);
        // another practice hears nothing of it (its stream only ever carries its own events)
        Thread.sleep(300);
        assertThat(foreignStream.stream().filter(l -> l.contains("\"callId\":" + call))).isEmpty();
    }

    @Test
    void onlyThePracticesStaffMayListen() {
        for (Actor foreign : w.foreignStaff()) {
            given().header("Authorization", foreign.bearer()).get("/api/practices/" + w.practiceId + "/events")
                    .then().statusCode(404).contentType("application/problem+json");
            given().queryParam("access_token", foreign.token()).get("/api/practices/" + w.practiceId + "/events")
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().queryParam("access_token", w.patient.token()).get("/api/practices/" + w.practiceId + "/events").then().statusCode(404);
        given().header("Authorization", w.patient.bearer()).get("/api/practices/" + w.practiceId + "/events").then().statusCode(404);
        given().get("/api/practices/" + w.practiceId + "/events").then().statusCode(401).contentType("application/problem+json");
        given().queryParam("access_token", "not.a.token").get("/api/practices/" + w.practiceId + "/events").then().statusCode(401);
        String forged = w.secretary.token().substring(0, w.secretary.token().lastIndexOf('.') + 1) + "AAAA";
        given().queryParam("access_token", forged).get("/api/practices/" + w.practiceId + "/events").then().statusCode(401);
    }

    @Test
    void checkInIsTheirOwnAndOnTheDay() {
        long today = todaysAppointment(w.patient.patientId());
        as(w.otherPatient).post("/api/appointments/" + today + "/check-in").then().statusCode(404).contentType("application/problem+json");
        for (Actor staff : w.staff()) {
            as(staff).post("/api/appointments/" + today + "/check-in").then().statusCode(403);
        }
        given().post("/api/appointments/" + today + "/check-in").then().statusCode(401);
        as(w.patient).post("/api/appointments/999999999/check-in").then().statusCode(404);

        long nextWeek = fx.appointment(w.practiceId, w.practitionerId, w.siteId, w.patient.patientId(), w.motiveId,
                Instant.now().plus(7, ChronoUnit.DAYS), 20, "CONFIRMED", w.secretary.accountId());
        as(w.patient).post("/api/appointments/" + nextWeek + "/check-in").then().statusCode(422).body("code", equalTo("not_today"));

        long cancelled = fx.appointment(w.practiceId, w.practitionerId, w.siteId, w.babyId, w.motiveId,
                Instant.now().plus(1, ChronoUnit.MINUTES), 20, "CANCELLED_BY_PATIENT", w.secretary.accountId());
        if (Instant.now().plus(1, ChronoUnit.MINUTES).atZone(ZoneId.of("Europe/Paris")).toLocalDate().equals(LocalDate.now(ZoneId.of("Europe/Paris")))) {
            as(w.patient).post("/api/appointments/" + cancelled + "/check-in").then().statusCode(422).body("code", equalTo("invalid_transition"));
        }
        as(w.patient).post("/api/appointments/" + today + "/check-in").then().statusCode(200).body("status", equalTo("ARRIVED"));
        as(w.patient).post("/api/appointments/" + today + "/check-in").then().statusCode(200).body("status", equalTo("ARRIVED"));
    }
}
