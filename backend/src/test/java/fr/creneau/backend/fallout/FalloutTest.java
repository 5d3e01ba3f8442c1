package fr.creneau.backend.fallout;

import fr.creneau.backend.appointment.BookingWorld;
import fr.creneau.backend.notification.LinkTokens;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static fr.creneau.backend.support.Race.race;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Absences and their fallout: the staff's decisions (per appointment or for all, urgent motives first, colleagues
 * for the same motive only), the patient's acceptance from the app and from the link, and who may do what.
 * Each test builds its own practice (BookingWorld: Monday to Friday 08-12 and 14-18, a Monday 8-14 days ahead).
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class FalloutTest {
    @Inject
    Fixtures fx;

    // ---------------------------------------------------------------- decisions

    @Test
    void staffDecidePerAppointmentAndForAllTheRest() {
        BookingWorld w = new BookingWorld(fx);
        Actor kept = w.knownPatient();
        Actor cancelled = w.knownPatient();
        Actor proposed = w.knownPatient();
        long a1 = book(w, kept, w.at("08:00"));
        long a2 = book(w, cancelled, w.at("09:00"));
        long a3 = book(w, proposed, w.at("10:00"));
        long absence = absence(w, w.practitioner, w.at("08:00"), w.at("12:00"));

        JsonPath out = decide(w.practitioner, absence, Map.of("all", "PROPOSE", "substitute", "Dr Moreau, 01 43 00 00 99",
                "decisions", List.of(Map.of("appointmentId", a1, "action", "KEEP"), Map.of("appointmentId", a2, "action", "CANCEL"))))
                .then().statusCode(200).extract().jsonPath();

        assertThat(out.getList("appointmentId", Long.class)).containsExactly(a1, a2, a3);
        assertThat(out.getList("action", String.class)).containsExactly("KEEP", "CANCEL", "PROPOSE");
        assertThat(out.getList("status", String.class)).containsExactly("KEPT", "CANCELLED", "OPEN");
        assertThat(out.getString("[2].substitute")).isEqualTo("Dr Moreau, 01 43 00 00 99");
        // the practitioner's own nearest slots after the absence, nearest first
        assertThat(out.getList("[2].proposals.start", String.class)).containsExactly(
                w.at("14:00").toString(), w.at("14:15").toString(), w.at("14:30").toString());
        assertThat(out.getList("[2].proposals.practitionerId", Long.class)).containsOnly(w.practitionerId);

        assertThat(status(a1)).isEqualTo("BOOKED");
        assertThat(status(a2)).isEqualTo("CANCELLED_BY_PRACTICE");
        assertThat(status(a3)).isEqualTo("CANCELLED_BY_PRACTICE");
        assertThat(fx.queryString("SELECT cancel_reason FROM appointment WHERE id = ?", a3)).isEqualTo(FalloutService.REASON);

        // the notices: written with the change, the generic cancellation replaced by the absence notice
        assertThat(kinds(a2)).containsOnly("ABSENCE_CANCELLED").isNotEmpty();
        assertThat(kinds(a3)).containsOnly("ABSENCE_PROPOSAL").isNotEmpty();
        assertThat(kinds(a1)).doesNotContain("ABSENCE_CANCELLED", "ABSENCE_PROPOSAL", "CANCELLED");
        String payload = fx.queryString("SELECT payload::text FROM notification_outbox WHERE appointment_id = ?"
                + " AND kind = 'ABSENCE_PROPOSAL' LIMIT 1", a3);
        assertThat(payload).contains("\"emergencyNumber\": \"15\"").contains("Dr Moreau, 01 43 00 00 99")
                .contains(w.at("14:15").toString());
        assertThat(fx.queryString("SELECT substitute FROM absence WHERE id = ?", absence)).isEqualTo("Dr Moreau, 01 43 00 00 99");
        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE action = ? AND object_id IN (?, ?, ?)",
                FalloutService.JOURNAL_DECIDE, a1, a2, a3)).isEqualTo(2);

        // later, the kept one too: cancelled for all, and the proposed slots already offered are not offered again
        JsonPath later = decide(w.secretary, absence, Map.of("all", "PROPOSE")).then().statusCode(200).extract().jsonPath();
        assertThat(later.getList("appointmentId", Long.class)).containsExactly(a1);
        assertThat(later.getList("[0].proposals.start", String.class)).containsExactly(
                w.at("14:45").toString(), w.at("15:00").toString(), w.at("15:15").toString());
        // the practice's substitute was replaced by the absence's, kept for later notices
        assertThat(later.getString("[0].substitute")).isEqualTo("Dr Moreau, 01 43 00 00 99");
    }

    @Test
    void urgentMotivesAreServedFirstAndGetTheNearestSlots() {
        World w = new World(fx);
        long urgent = fx.motive(w.practiceId, 15, true, true);
        long routine = fx.motive(w.practiceId, 15, true, false);
        // the practitioner sees patients on the Monday morning (the absence) and 14:00-15:00 that day only
        fx.oneOffRange(w.practitionerId, w.siteId, w.monday, "08:00", "12:00", urgent, routine);
        fx.oneOffRange(w.practitionerId, w.siteId, w.monday, "14:00", "15:00", urgent, routine);
        Actor early = w.patient();
        Actor late = w.patient();
        long routineAppointment = w.appointment(early, routine, w.at("08:00"));
        long urgentAppointment = w.appointment(late, urgent, w.at("11:00"));
        long absence = absence(w.secretary, w.practitionerId, w.at("08:00"), w.at("12:00"));

        JsonPath out = decide(w.secretary, absence, Map.of("all", "PROPOSE")).then().statusCode(200).extract().jsonPath();

        // booked later, but urgent: decided first, with the three nearest slots; the routine one gets what is left
        assertThat(out.getList("appointmentId", Long.class)).containsExactly(urgentAppointment, routineAppointment);
        assertThat(out.getList("[0].proposals.start", String.class)).containsExactly(
                w.at("14:00").toString(), w.at("14:15").toString(), w.at("14:30").toString());
        assertThat(out.getList("[1].proposals.start", String.class)).containsExactly(w.at("14:45").toString());
    }

    @Test
    void colleaguesAreProposedOnlyForTheSameMotive() {
        World w = new World(fx);
        long motive = fx.motive(w.practiceId, 20, true, false);
        long otherMotive = fx.motive(w.practiceId, 20, true, false);
        // no hours of their own after the absence: the proposals come from colleagues
        fx.oneOffRange(w.practitionerId, w.siteId, w.monday, "08:00", "12:00", motive);
        long sameMotive = fx.practitioner(w.practiceId, "Médecin généraliste");
        long otherOnly = fx.practitioner(w.practiceId, "Cardiologue");
        fx.oneOffRange(sameMotive, w.siteId, w.monday.plusDays(1), "10:00", "11:00", motive);
        // earlier, but for another motive only
        fx.oneOffRange(otherOnly, w.siteId, w.monday, "13:00", "18:00", otherMotive);
        Actor patient = w.patient();
        long appointment = w.appointment(patient, motive, w.at("09:00"));
        long absence = absence(w.secretary, w.practitionerId, w.at("08:00"), w.at("12:00"));

        JsonPath out = decide(w.secretary, absence, Map.of("all", "PROPOSE")).then().statusCode(200).extract().jsonPath();

        assertThat(out.getList("appointmentId", Long.class)).containsExactly(appointment);
        assertThat(out.getList("[0].proposals.practitionerId", Long.class)).containsOnly(sameMotive).hasSize(3);
        assertThat(out.getList("[0].proposals.start", String.class)).containsExactly(w.at(1, "10:00").toString(),
                w.at(1, "10:20").toString(), w.at(1, "10:40").toString());
        assertThat(out.getString("[0].proposals[0].practitionerName")).startsWith("Dr Test ");
    }

    @Test
    void aFailureRollsBackEveryDecisionAndItsNotices() {
        BookingWorld w = new BookingWorld(fx);
        Actor first = w.knownPatient();
        long booked = book(w, first, w.at("08:00"));
        // an appointment that cannot be cancelled any more (already seen), later in the same absence
        long seen = w.appointment(w.knownPatient().patientId(), w.practitionerId, w.at("10:00"), 15, AppointmentStatus.ARRIVED);
        long absence = absence(w, w.secretary, w.at("08:00"), w.at("12:00"));
        long before = fx.queryLong("SELECT count(*) FROM notification_outbox WHERE appointment_id = ?", booked);

        decide(w.secretary, absence, Map.of("all", "CANCEL")).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("invalid_transition"));

        assertThat(status(booked)).isEqualTo("BOOKED");
        assertThat(status(seen)).isEqualTo("ARRIVED");
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE appointment_id = ?", booked)).isEqualTo(before);
        assertThat(fx.queryLong("SELECT count(*) FROM absence_decision WHERE absence_id = ?", absence)).isZero();

        // deciding for the cancellable one alone works
        decide(w.secretary, absence, Map.of("decisions", List.of(Map.of("appointmentId", booked, "action", "CANCEL"))))
                .then().statusCode(200).body("status", equalTo(List.of("CANCELLED", "KEPT")));
        assertThat(kinds(booked)).contains("ABSENCE_CANCELLED");
    }

    @Test
    void timeInsideTheAbsenceIsNotOfferedToTheWaitlist() {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        Actor waiting = w.knownPatient();
        long appointment = book(w, patient, w.at("09:00"));
        given().header("Authorization", waiting.bearer()).contentType(ContentType.JSON)
                .body(Map.of("patientId", waiting.patientId(), "motiveId", w.motive15, "fromDate", w.monday.toString(),
                        "toDate", w.monday.plusDays(1).toString()))
                .post("/api/practices/{id}/waitlist", w.practiceId).then().statusCode(201);
        long absence = absence(w, w.secretary, w.at("08:00"), w.at("12:00"));

        decide(w.secretary, absence, Map.of("all", "CANCEL")).then().statusCode(200);

        assertThat(status(appointment)).isEqualTo("CANCELLED_BY_PRACTICE");
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE practitioner_id = ? AND status = 'OPEN'",
                w.practitionerId)).isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE patient_id = ? AND kind = 'WAITLIST_OFFER'",
                waiting.patientId())).isZero();
        // whereas a cancellation outside any absence still offers the slot (the waitlist's own rule)
        long free = book(w, patient, w.at(1, "09:00"));
        given().header("Authorization", w.secretary.bearer()).contentType(ContentType.JSON)
                .body(Map.of("status", "CANCELLED_BY_PRACTICE", "reason", "Empêchement"))
                .post("/api/appointments/{id}/status", free).then().statusCode(200);
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE practitioner_id = ? AND starts_at = ?"
                + " AND status = 'OPEN'", w.practitionerId, BookingWorld.utc(w.at(1, "09:00")))).isEqualTo(1);
    }

    @Test
    void whoMayDecideAndBadInput() {
        BookingWorld w = new BookingWorld(fx);
        BookingWorld other = new BookingWorld(fx);
        long appointment = book(w, w.knownPatient(), w.at("09:00"));
        long absence = absence(w, w.secretary, w.at("08:00"), w.at("12:00"));
        Map<String, Object> keep = Map.of("all", "KEEP");

        decide(w.colleague, absence, keep).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("not_your_agenda"));
        decide(other.secretary, absence, keep).then().statusCode(404).contentType("application/problem+json");
        decide(other.admin, absence, keep).then().statusCode(404);
        decide(w.knownPatient(), absence, keep).then().statusCode(403);
        given().contentType(ContentType.JSON).body(keep).post("/api/absences/{id}/decisions", absence).then().statusCode(401);
        decide(w.secretary, 987654321L, keep).then().statusCode(404);
        decide(w.secretary, absence, Map.of()).then().statusCode(400).body("errors.field", hasItem("all"));
        decide(w.secretary, absence, Map.of("all", "MAYBE")).then().statusCode(400).body("errors.field", hasItem("all"));
        decide(w.secretary, absence, Map.of("decisions", List.of(Map.of("appointmentId", 987654321L, "action", "CANCEL"))))
                .then().statusCode(400).body("errors.field", hasItem("decisions[0].appointmentId"));
        decide(w.secretary, absence, Map.of("decisions", List.of(Map.of("appointmentId", appointment))))
                .then().statusCode(400).body("errors.field", hasItem("decisions[0].action"));
        // the practitioner on their own agenda, and the admin: both may
        decide(w.practitioner, absence, keep).then().statusCode(200).body("status", equalTo(List.of("KEPT")));
        decide(w.admin, absence, keep).then().statusCode(200);
        assertThat(status(appointment)).isEqualTo("BOOKED");
    }

    // ---------------------------------------------------------------- the patient answers

    @Test
    void thePatientAcceptsFromTheAppForThemselvesOrARelative() {
        BookingWorld w = new BookingWorld(fx);
        Actor holder = w.knownPatient();
        long child = w.relativeOf(holder);
        fx.knownTo(w.practiceId, child);
        Actor stranger = w.knownPatient();
        long appointment = book(w, holder, child, w.at("09:00"));
        long absence = absence(w, w.secretary, w.at("08:00"), w.at("12:00"));
        decide(w.secretary, absence, Map.of("all", "PROPOSE")).then().statusCode(200);

        JsonPath mine = given().header("Authorization", holder.bearer()).get("/api/absence-proposals/mine")
                .then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("appointmentId", Long.class)).containsExactly(appointment);
        assertThat(mine.getString("[0].emergencyNumber")).isEqualTo("15");
        List<Long> proposals = mine.getList("[0].proposals.id", Long.class);
        assertThat(proposals).hasSize(3);
        assertThat(given().header("Authorization", stranger.bearer()).get("/api/absence-proposals/mine")
                .then().statusCode(200).extract().jsonPath().getList("id")).isEmpty();

        // someone else's proposal: 404; staff do not accept for the patient here
        accept(stranger, proposals.get(1)).then().statusCode(404).contentType("application/problem+json");
        accept(w.secretary, proposals.get(1)).then().statusCode(403);
        accept(holder, 987654321L).then().statusCode(404);

        long booked = accept(holder, proposals.get(1)).then().statusCode(201)
                .body("start", equalTo(w.at("14:15").toString())).body("patientId", equalTo((int) child))
                .extract().jsonPath().getLong("id");
        assertThat(status(booked)).isEqualTo("BOOKED");
        assertThat(fx.queryString("SELECT string_agg(status, ',' ORDER BY rank) FROM absence_proposal WHERE id = ANY(?)",
                (Object) proposals.toArray(new Long[0]))).isEqualTo("GONE,ACCEPTED,GONE");
        assertThat(fx.queryLong("SELECT new_appointment_id FROM absence_decision WHERE appointment_id = ?", appointment))
                .isEqualTo(booked);
        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE action = ? AND object_id = ?",
                FalloutService.JOURNAL_ACCEPT, booked)).isEqualTo(1);
        // answered: a second acceptance is refused, and nothing waits any more
        accept(holder, proposals.get(0)).then().statusCode(409).body("code", equalTo("proposal_closed"));
        assertThat(given().header("Authorization", holder.bearer()).get("/api/absence-proposals/mine")
                .then().statusCode(200).extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    void aTakenSlotAnswers409AndTheOtherProposalsStayUsable() throws Exception {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        Actor rival = w.knownPatient();
        long appointment = book(w, patient, w.at("09:00"));
        long absence = absence(w, w.secretary, w.at("08:00"), w.at("12:00"));
        List<Long> proposals = decide(w.secretary, absence, Map.of("all", "PROPOSE")).then().statusCode(200)
                .extract().jsonPath().getList("[0].proposals.id", Long.class);

        // the patient accepts while someone else books the same slot online: exactly one wins
        List<Callable<Response>> both = new ArrayList<>();
        both.add(() -> accept(patient, proposals.get(0)));
        both.add(() -> given().header("Authorization", rival.bearer()).contentType(ContentType.JSON)
                .body(w.booking(rival.patientId(), w.at("14:00"))).post("/api/appointments"));
        List<Response> answers = race(both);
        List<Integer> codes = answers.stream().map(Response::statusCode).sorted().toList();
        assertThat(codes).containsExactly(201, 409);
        Response loser = answers.get(0).statusCode() == 409 ? answers.get(0) : answers.get(1);
        assertThat(loser.jsonPath().getString("code")).isEqualTo("slot_taken");
        assertThat(fx.queryLong("SELECT count(*) FROM appointment WHERE practitioner_id = ? AND starts_at = ?"
                + " AND status = 'BOOKED'", w.practitionerId, BookingWorld.utc(w.at("14:00")))).isEqualTo(1);

        if (answers.get(0).statusCode() == 409) {
            // the patient lost the race: another proposal still works
            accept(patient, proposals.get(1)).then().statusCode(201).body("start", equalTo(w.at("14:15").toString()));
        } else {
            accept(patient, proposals.get(1)).then().statusCode(409).body("code", equalTo("proposal_closed"));
        }
        assertThat(fx.queryString("SELECT status FROM absence_decision WHERE appointment_id = ?", appointment))
                .isEqualTo("ACCEPTED");
    }

    @Test
    void theLinkShowsTheProposalsAndAcceptsOnceWithoutSignIn() {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long appointment = book(w, patient, w.at("09:00"));
        long absence = absence(w, w.secretary, w.at("08:00"), w.at("12:00"));
        List<Long> proposals = decide(w.secretary, absence, Map.of("all", "PROPOSE")).then().statusCode(200)
                .extract().jsonPath().getList("[0].proposals.id", Long.class);
        String token = link(appointment, patient, "ABSENCE_PROPOSAL", Instant.now().plusSeconds(86_400));

        JsonPath view = given().get("/api/absence-links/{t}", token).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("appointmentId")).isNull();
        assertThat(view.getString("patientId")).isNull();
        assertThat(view.getList("proposals.time", String.class)).containsExactly("14:00", "14:15", "14:30");
        assertThat(view.getString("proposals[0].practitionerName")).startsWith("Dr Test ");
        assertThat(view.getString("emergencyNumber")).isEqualTo("15");

        // the link of an absence notice neither confirms nor cancels, and a confirm link chooses nothing
        given().post("/api/links/{t}/confirm", token).then().statusCode(404);
        String confirm = link(appointment, patient, "CONFIRM", Instant.now().plusSeconds(86_400));
        given().get("/api/absence-links/{t}", confirm).then().statusCode(404);
        // a proposal that is not this link's
        BookingWorld w2 = new BookingWorld(fx);
        long otherAppointment = book(w2, w2.knownPatient(), w2.at("09:00"));
        long otherProposal = decide(w2.secretary, absence(w2, w2.secretary, w2.at("08:00"), w2.at("12:00")),
                Map.of("all", "PROPOSE")).then().statusCode(200).extract().jsonPath().getLong("[0].proposals[0].id");
        assertThat(otherAppointment).isPositive();
        given().post("/api/absence-links/{t}/proposals/{id}/accept", token, otherProposal).then().statusCode(404);

        given().post("/api/absence-links/{t}/proposals/{id}/accept", token, proposals.get(2)).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("proposals[2].status", equalTo("ACCEPTED"));
        assertThat(fx.queryLong("SELECT count(*) FROM appointment WHERE patient_id = ? AND starts_at = ? AND status = 'BOOKED'",
                patient.patientId(), BookingWorld.utc(w.at("14:30")))).isEqualTo(1);
        // single use
        given().get("/api/absence-links/{t}", token).then().statusCode(404).contentType("application/problem+json");
        given().post("/api/absence-links/{t}/proposals/{id}/accept", token, proposals.get(0)).then().statusCode(404);
    }

    @Test
    void expiredOrGuessedLinksAnswer404() {
        BookingWorld w = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long appointment = book(w, patient, w.at("09:00"));
        long absence = absence(w, w.secretary, w.at("08:00"), w.at("12:00"));
        long proposal = decide(w.secretary, absence, Map.of("all", "PROPOSE")).then().statusCode(200)
                .extract().jsonPath().getLong("[0].proposals[0].id");
        String expired = link(appointment, patient, "ABSENCE_PROPOSAL", Instant.now().minusSeconds(60));

        given().get("/api/absence-links/{t}", expired).then().statusCode(404);
        given().post("/api/absence-links/{t}/proposals/{id}/accept", expired, proposal).then().statusCode(404);
        given().get("/api/absence-links/{t}", randomToken()).then().statusCode(404);
        given().get("/api/absence-links/{t}", "not-a-token").then().statusCode(404).contentType("application/problem+json");
        assertThat(fx.queryString("SELECT status FROM absence_decision WHERE appointment_id = ?", appointment)).isEqualTo("OPEN");
    }

    // ---------------------------------------------------------------- helpers

    /** A practice of its own with no hours: each test opens the ranges it needs. */
    static final class World {
        final Fixtures fx;
        final long practiceId;
        final long siteId;
        final long practitionerId;
        final Actor secretary;
        final LocalDate monday;

        World(Fixtures fx) {
            this.fx = fx;
            practiceId = fx.practice("Cabinet", "Europe/Paris");
            siteId = fx.site(practiceId);
            practitionerId = fx.practitioner(practiceId, "Médecin généraliste");
            secretary = fx.staff(Role.SECRETARY, practiceId, null);
            // as BookingWorld: a Monday 8 to 14 days ahead, valid under the notice and horizon rules
            monday = LocalDate.now(BookingWorld.PARIS).plusDays(7)
                    .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        }

        Instant at(String hhmm) {
            return at(0, hhmm);
        }

        Instant at(int days, String hhmm) {
            return monday.plusDays(days).atTime(java.time.LocalTime.parse(hhmm)).atZone(BookingWorld.PARIS).toInstant();
        }

        Actor patient() {
            Actor p = fx.patientAccount();
            fx.knownTo(practiceId, p.patientId());
            return p;
        }

        long appointment(Actor patient, long motiveId, Instant start) {
            return fx.queryLong("INSERT INTO appointment (practice_id, practitioner_id, site_id, patient_id, motive_id,"
                            + " starts_at, ends_at, status, channel, booked_by, booked_by_role)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'BOOKED', 'PHONE', ?, 'SECRETARY') RETURNING id",
                    practiceId, practitionerId, siteId, patient.patientId(), motiveId, BookingWorld.utc(start),
                    BookingWorld.utc(start.plusSeconds(900)), secretary.accountId());
        }
    }

    private long book(BookingWorld w, Actor patient, Instant start) {
        return book(w, patient, patient.patientId(), start);
    }

    /** Booked through the API by the patient, as in real life. */
    private long book(BookingWorld w, Actor patient, long forPatient, Instant start) {
        return given().header("Authorization", patient.bearer()).contentType(ContentType.JSON)
                .body(w.booking(forPatient, start)).post("/api/appointments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private long absence(BookingWorld w, Actor by, Instant start, Instant end) {
        return absence(by, w.practitionerId, start, end);
    }

    private long absence(Actor by, long practitionerId, Instant start, Instant end) {
        Map<String, Object> body = new HashMap<>();
        body.put("start", start.toString());
        body.put("end", end.toString());
        body.put("confirmConflicts", true);
        return given().header("Authorization", by.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/practitioners/{id}/absences", practitionerId).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static Response decide(Actor by, long absenceId, Map<String, Object> body) {
        return given().header("Authorization", by.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/absences/{id}/decisions", absenceId);
    }

    private static Response accept(Actor by, long proposalId) {
        return given().header("Authorization", by.bearer()).post("/api/absence-proposals/{id}/accept", proposalId);
    }

    private String status(long appointmentId) {
        return fx.queryString("SELECT status FROM appointment WHERE id = ?", appointmentId);
    }

    private List<String> kinds(long appointmentId) {
        String all = fx.queryString("SELECT COALESCE(string_agg(kind, ','), '') FROM notification_outbox WHERE appointment_id = ?"
                + " AND kind NOT IN ('BOOKED_CONFIRMATION', 'REMINDER_WEEK', 'REMINDER_48H_CONFIRM', 'ESCALATION_SMS', 'REMINDER_2H')",
                appointmentId);
        return all.isEmpty() ? List.of() : List.of(all.split(","));
    }

    /** A link as the dispatcher stores it when it sends the notice (see AbsenceNoticeDispatchTest for the real one). */
    private String link(long appointmentId, Actor patient, String purpose, Instant expires) {
        String token = randomToken();
        long outbox = fx.queryLong("INSERT INTO notification_outbox (appointment_id, patient_id, account_id, practice_id,"
                        + " channel, kind, due_at, payload, status) SELECT id, patient_id, ?, practice_id, 'SMS',"
                        + " 'ABSENCE_PROPOSAL', now(), CAST('{}' AS jsonb), 'SENT' FROM appointment WHERE id = ? RETURNING id",
                patient.accountId(), appointmentId);
        fx.update("INSERT INTO notification_link (token_hash, outbox_id, patient_id, account_id, appointment_ids,"
                        + " expires_at, purpose) VALUES (?, ?, ?, ?, ?, ?, ?)", LinkTokens.hash(token), outbox,
                patient.patientId(), patient.accountId(), new Long[] {appointmentId}, BookingWorld.utc(expires), purpose);
        return token;
    }

    private static String randomToken() {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
