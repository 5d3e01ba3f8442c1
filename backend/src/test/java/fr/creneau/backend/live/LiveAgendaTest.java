package fr.creneau.backend.live;

import fr.creneau.backend.appointment.BookingWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.AppointmentStatus;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agenda changes made by one client reach the practice's live stream read by another (a JDK HttpClient), after
 * the change has committed: ids and states only. Arrival is awaited with a generous timeout; no timing is asserted.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class LiveAgendaTest {
    private static final Duration AWAIT = Duration.ofSeconds(15);

    @Inject
    Fixtures fx;

    final HttpClient http = HttpClient.newHttpClient();
    final ExecutorService readers = Executors.newCachedThreadPool();
    final List<Stream<String>> open = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        open.forEach(Stream::close);
        readers.shutdownNow();
    }

    static RequestSpecification as(Actor a) {
        return given().header("Authorization", a.bearer()).contentType(ContentType.JSON);
    }

    private BlockingQueue<String> subscribe(Actor staff, long practiceId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/practices/" + practiceId + "/events"))
                .header("Authorization", staff.bearer()).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(AWAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        open.add(response.body());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        readers.submit(() -> response.body().forEach(lines::add));
        awaitLine(lines, "event:READY");
        return lines;
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

    @Test
    void aBookingByAPatientReachesTheSecretarysAgenda() throws Exception {
        BookingWorld w = new BookingWorld(fx);
        BlockingQueue<String> secretary = subscribe(w.secretary, w.practiceId);
        Actor patient = w.knownPatient();
        long id = ((Number) as(patient).body(w.booking(patient.patientId(), w.at("15:00"))).post("/api/appointments")
                .then().statusCode(201).extract().path("id")).longValue();

        String data = awaitLine(secretary, "\"appointmentId\":" + id);
        assertThat(data).startsWith("data:").contains("AGENDA_CHANGED").contains("\"practitionerId\":" + w.practitionerId)
                .contains("\"status\":\"BOOKED\"")
                // ids and states only: no name, motive or time
                .doesNotContain("patientName").doesNotContain("motive").doesNotContain(w.at("15:00").toString());

        as(w.secretary).body(Map.of("start", w.at("15:30").toString())).post("/api/appointments/" + id + "/reschedule")
                .then().statusCode(200);
        as(w.secretary).body(Map.of("status", "CANCELLED_BY_PRACTICE", "reason", "Fermeture"))
                .post("/api/appointments/" + id + "/status").then().statusCode(200);
        awaitLine(secretary, "\"status\":\"CANCELLED_BY_PRACTICE\"");
    }

    @Test
    void aRefusedBookingIsNotAnnounced() throws Exception {
        BookingWorld w = new BookingWorld(fx);
        BlockingQueue<String> secretary = subscribe(w.secretary, w.practiceId);
        Actor first = w.knownPatient();
        Actor second = w.knownPatient();
        as(first).body(w.booking(first.patientId(), w.at("16:00"))).post("/api/appointments").then().statusCode(201);
        as(second).body(w.booking(second.patientId(), w.at("16:00"))).post("/api/appointments").then().statusCode(409);
        // a later change is seen; nothing was published for the refused booking before it
        long third = ((Number) as(second).body(w.booking(second.patientId(), w.at("16:30"))).post("/api/appointments")
                .then().statusCode(201).extract().path("id")).longValue();
        List<String> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(AWAIT);
        while (Instant.now().isBefore(deadline) && seen.stream().noneMatch(l -> l.contains("\"appointmentId\":" + third))) {
            String line = secretary.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("data:")) {
                seen.add(line);
            }
        }
        assertThat(seen.stream().filter(l -> l.contains("AGENDA_CHANGED"))).hasSize(2);
    }

    @Test
    void staffMarkingAnArrivalAndAnAbsenceAreAnnounced() throws Exception {
        BookingWorld w = new BookingWorld(fx);
        BlockingQueue<String> practitioner = subscribe(w.practitioner, w.practiceId);
        Actor patient = w.knownPatient();
        Instant start = Instant.now().plus(2, ChronoUnit.MINUTES);
        if (!start.atZone(BookingWorld.PARIS).toLocalDate().equals(LocalDate.now(BookingWorld.PARIS))) {
            start = Instant.now().minus(30, ChronoUnit.MINUTES);
        }
        long id = w.appointment(patient.patientId(), w.practitionerId, start, 15, AppointmentStatus.BOOKED);
        as(w.secretary).body(Map.of("status", "ARRIVED")).post("/api/appointments/" + id + "/status").then().statusCode(200);
        awaitLine(practitioner, "event:ARRIVAL");
        assertThat(awaitLine(practitioner, "\"appointmentId\":" + id)).contains("ARRIVED");

        Instant away = w.at(1, "19:00");
        long absence = ((Number) as(w.practitioner).body(Map.of("start", away.toString(),
                        "end", away.plusSeconds(3600).toString()))
                .post("/api/practitioners/" + w.practitionerId + "/absences").then().statusCode(201)
                .extract().path("id")).longValue();
        assertThat(absence).isPositive();
        String data = awaitLine(practitioner, "\"practitionerId\":" + w.practitionerId + "}");
        assertThat(data).contains("AGENDA_CHANGED");
    }
}
