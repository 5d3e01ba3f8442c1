package fr.creneau.backend.fallout;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The staff's follow-up of absence decisions: the list of patients to call back (urgent first, then the earliest
 * cancelled appointment, with each state), the secretary accepting a proposal for a patient reached by phone (the
 * same rule as the patient's own acceptance) or recording that the patient wants none, and who may do it. Each
 * test builds its own practice on a Monday 8 to 14 days ahead, so neither the hour nor the weekday matters; the
 * expiry is moved in the database, relative to now.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class AbsenceFollowUpTest {
    @Inject
    Fixtures fx;

    /** A practice whose practitioner is away on the Monday morning and sees patients 14:00-18:00 that day. */
    private final class Scene {
        final FalloutTest.World w = new FalloutTest.World(fx);
        final long urgent = fx.motive(w.practiceId, 15, true, true);
        final long routine = fx.motive(w.practiceId, 15, true, false);
        final long absence;

        Scene() {
            fx.oneOffRange(w.practitionerId, w.siteId, w.monday, "08:00", "12:00", urgent, routine);
            fx.oneOffRange(w.practitionerId, w.siteId, w.monday, "14:00", "18:00", urgent, routine);
            absence = fx.absence(w.practitionerId, w.at("08:00"), w.at("12:00"), "Formation");
        }

        long appointment(Actor patient, long motive, String hhmm) {
            return w.appointment(patient, motive, w.at(hhmm));
        }
    }

    @Test
    void theListPutsUrgentFirstThenTheEarliestWithEachState() {
        Scene sc = new Scene();
        Actor early = sc.w.patient();
        Actor cancelled = sc.w.patient();
        Actor late = sc.w.patient();
        Actor holder = sc.w.patient();
        long child = fx.relative(holder.patientId(), LocalDate.of(2019, 9, 3));
        fx.knownTo(sc.w.practiceId, child);
        long a1 = sc.appointment(early, sc.routine, "08:00");
        long a2 = sc.appointment(cancelled, sc.routine, "08:30");
        long a3 = sc.appointment(late, sc.urgent, "11:00");
        long a4 = fx.appointment(sc.w.practiceId, sc.w.practitionerId, sc.w.siteId, child, sc.routine, sc.w.at("09:00"),
                15, "BOOKED", "PHONE", sc.w.secretary.accountId(), Role.SECRETARY);
        decide(sc.w.secretary, sc.absence, Map.of("all", "PROPOSE",
                "decisions", List.of(Map.of("appointmentId", a2, "action", "CANCEL")))).then().statusCode(200);
        // the child's proposals were never answered and can no longer be accepted
        fx.update("UPDATE absence_decision SET expires_at = now() - interval '1 minute' WHERE appointment_id = ?", a4);

        JsonPath list = list(sc.w.secretary, sc.w.practiceId, null).then().statusCode(200).extract().jsonPath();

        assertThat(list.getList("appointmentId", Long.class)).containsExactly(a3, a1, a2, a4);
        assertThat(list.getList("state", String.class)).containsExactly("PENDING", "PENDING", "CANCELLED", "EXPIRED");
        assertThat(list.getList("urgent", Boolean.class)).containsExactly(true, false, false, false);
        assertThat(list.getList("action", String.class)).containsExactly("PROPOSE", "PROPOSE", "CANCEL", "PROPOSE");
        assertThat(list.getString("[0].patientName")).isEqualTo("Camille " + fx.queryString(
                "SELECT last_name FROM patient WHERE id = ?", late.patientId()));
        assertThat(list.getString("[0].patientPhone")).isEqualTo("+33612345678");
        assertThat(list.getString("[0].practitionerName")).startsWith("Dr Test ");
        assertThat(list.getLong("[0].motiveId")).isEqualTo(sc.urgent);
        assertThat(list.getString("[0].motiveLabelFr")).startsWith("Consultation");
        assertThat(list.getString("[0].originalStart")).isEqualTo(sc.w.at("11:00").toString());
        assertThat(list.getString("[0].originalTime")).isEqualTo("11:00");
        assertThat(list.getString("[0].originalDate")).isEqualTo(sc.w.monday.toString());
        // the urgent one had the nearest slots; the proposals expire at the last one's start
        assertThat(list.getList("[0].proposals.start", String.class)).containsExactly(
                sc.w.at("14:00").toString(), sc.w.at("14:15").toString(), sc.w.at("14:30").toString());
        assertThat(list.getString("[0].expiresAt")).isEqualTo(sc.w.at("14:30").toString());
        assertThat(list.getList("[2].proposals")).isEmpty();
        assertThat(list.getString("[2].expiresAt")).isNull();
        // a child without a phone: the holder's is the one to call
        assertThat(list.getString("[3].patientPhone")).isEqualTo("+33612345678");
        assertThat(fx.queryString("SELECT phone FROM patient WHERE id = ?", child)).isNull();

        // what is still to call, filtered
        assertThat(list(sc.w.secretary, sc.w.practiceId, "PENDING,EXPIRED").then().statusCode(200).extract().jsonPath()
                .getList("appointmentId", Long.class)).containsExactly(a3, a1, a4);
        assertThat(list(sc.w.secretary, sc.w.practiceId, " CANCELLED ").then().statusCode(200).extract().jsonPath()
                .getList("appointmentId", Long.class)).containsExactly(a2);
        list(sc.w.secretary, sc.w.practiceId, "PENDING,LOST").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("state"));
        list(sc.w.secretary, sc.w.practiceId, ",").then().statusCode(400).body("errors.field", hasItem("state"));
    }

    @Test
    void theSecretaryAcceptsForThePatientWithThePatientsRule() {
        Scene sc = new Scene();
        Actor patient = sc.w.patient();
        Actor other = sc.w.patient();
        long appointment = sc.appointment(patient, sc.routine, "09:00");
        long otherAppointment = sc.appointment(other, sc.routine, "10:00");
        JsonPath out = decide(sc.w.secretary, sc.absence, Map.of("all", "PROPOSE")).then().statusCode(200)
                .extract().jsonPath();
        long decision = out.getLong("[0].id");
        long otherDecision = out.getLong("[1].id");
        List<Long> proposals = out.getList("[0].proposals.id", Long.class);
        List<Long> otherProposals = out.getList("[1].proposals.id", Long.class);

        // a proposal of another decision, or unknown
        accept(sc.w.secretary, decision, otherProposals.get(0)).then().statusCode(404)
                .contentType("application/problem+json");
        accept(sc.w.secretary, decision, 987654321L).then().statusCode(404);
        accept(sc.w.secretary, 987654321L, proposals.get(0)).then().statusCode(404);

        long booked = accept(sc.w.secretary, decision, proposals.get(1)).then().statusCode(201)
                .body("start", equalTo(sc.w.at("14:15").toString())).body("patientId", equalTo(patient.patientId().intValue()))
                .body("channel", equalTo("PHONE")).extract().jsonPath().getLong("id");

        JsonPath after = list(sc.w.secretary, sc.w.practiceId, null).then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("appointmentId", Long.class)).containsExactly(appointment, otherAppointment);
        assertThat(after.getString("[0].state")).isEqualTo("ACCEPTED");
        assertThat(after.getString("[0].answeredVia")).isEqualTo("PHONE");
        assertThat(after.getLong("[0].newAppointmentId")).isEqualTo(booked);
        assertThat(after.getList("[0].proposals.status", String.class)).containsExactly("GONE", "ACCEPTED", "GONE");
        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE action = ? AND object_id = ? AND account_id = ?"
                + " AND detail LIKE '%via=PHONE%'", FalloutService.JOURNAL_ACCEPT, booked, sc.w.secretary.accountId()))
                .isEqualTo(1);
        // one rule for everyone: answered, the patient's own acceptance and a second one are refused alike
        given().header("Authorization", patient.bearer()).post("/api/absence-proposals/{id}/accept", proposals.get(0))
                .then().statusCode(409).body("code", equalTo("proposal_closed"));
        accept(sc.w.secretary, decision, proposals.get(2)).then().statusCode(409).body("code", equalTo("proposal_closed"));
        assertThat(given().header("Authorization", patient.bearer()).get("/api/absence-proposals/mine")
                .then().statusCode(200).extract().jsonPath().getList("id")).isEmpty();

        // expired proposals are not accepted on the phone either: the secretary books an ordinary appointment
        fx.update("UPDATE absence_decision SET expires_at = now() - interval '1 minute' WHERE id = ?", otherDecision);
        accept(sc.w.secretary, otherDecision, otherProposals.get(0)).then().statusCode(410)
                .contentType("application/problem+json").body("code", equalTo("proposal_expired"));
        assertThat(fx.queryString("SELECT status FROM absence_decision WHERE id = ?", otherDecision)).isEqualTo("OPEN");
    }

    @Test
    void thePatientReachedWantsNoneOfTheProposals() {
        Scene sc = new Scene();
        Actor patient = sc.w.patient();
        Actor cancelled = sc.w.patient();
        long appointment = sc.appointment(patient, sc.routine, "09:00");
        long other = sc.appointment(cancelled, sc.routine, "10:00");
        JsonPath out = decide(sc.w.secretary, sc.absence, Map.of("all", "PROPOSE",
                "decisions", List.of(Map.of("appointmentId", other, "action", "CANCEL")))).then().statusCode(200)
                .extract().jsonPath();
        long decision = out.getLong("[0].id");
        long cancelledDecision = out.getLong("[1].id");
        List<Long> proposals = out.getList("[0].proposals.id", Long.class);
        long outbox = fx.queryLong("SELECT count(*) FROM notification_outbox WHERE patient_id = ?", patient.patientId());

        decline(sc.w.secretary, decision).then().statusCode(200).body("id", equalTo((int) decision))
                .body("appointmentId", equalTo((int) appointment)).body("state", equalTo("DECLINED"))
                .body("answeredVia", equalTo("PHONE")).body("proposals.status", equalTo(List.of("GONE", "GONE", "GONE")));

        assertThat(fx.queryLong("SELECT count(*) FROM access_journal WHERE action = ? AND object_id = ?",
                FalloutService.JOURNAL_DECLINE, appointment)).isEqualTo(1);
        // the patient asked for it on the phone: no further notice
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE patient_id = ?", patient.patientId()))
                .isEqualTo(outbox);
        assertThat(list(sc.w.secretary, sc.w.practiceId, "PENDING,EXPIRED").then().statusCode(200).extract().jsonPath()
                .getList("id")).isEmpty();
        given().header("Authorization", patient.bearer()).post("/api/absence-proposals/{id}/accept", proposals.get(0))
                .then().statusCode(409).body("code", equalTo("proposal_closed"));
        accept(sc.w.secretary, decision, proposals.get(0)).then().statusCode(409).body("code", equalTo("proposal_closed"));
        // closed already: declined, or cancelled without proposals
        decline(sc.w.secretary, decision).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("proposal_closed"));
        decline(sc.w.secretary, cancelledDecision).then().statusCode(409).body("code", equalTo("proposal_closed"));
        decline(sc.w.secretary, 987654321L).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void whoMayFollowUp() {
        Scene sc = new Scene();
        Scene elsewhere = new Scene();
        Actor patient = sc.w.patient();
        long appointment = sc.appointment(patient, sc.routine, "09:00");
        // a colleague's agenda in the same practice, away the same morning
        long colleague = fx.practitioner(sc.w.practiceId, "Médecin généraliste");
        fx.oneOffRange(colleague, sc.w.siteId, sc.w.monday, "08:00", "12:00", sc.routine);
        fx.oneOffRange(colleague, sc.w.siteId, sc.w.monday, "14:00", "18:00", sc.routine);
        long colleagueAppointment = fx.appointment(sc.w.practiceId, colleague, sc.w.siteId, sc.w.patient().patientId(),
                sc.routine, sc.w.at("10:00"), 15, "BOOKED", "PHONE", sc.w.secretary.accountId(), Role.SECRETARY);
        long colleagueAbsence = fx.absence(colleague, sc.w.at("08:00"), sc.w.at("12:00"), "Formation");
        JsonPath mine = decide(sc.w.secretary, sc.absence, Map.of("all", "PROPOSE")).then().statusCode(200)
                .extract().jsonPath();
        JsonPath theirs = decide(sc.w.secretary, colleagueAbsence, Map.of("all", "PROPOSE")).then().statusCode(200)
                .extract().jsonPath();
        long decision = mine.getLong("[0].id");
        long proposal = mine.getLong("[0].proposals[0].id");
        long colleagueDecision = theirs.getLong("[0].id");
        long colleagueProposal = theirs.getLong("[0].proposals[0].id");
        Actor practitioner = fx.staff(Role.PRACTITIONER, sc.w.practiceId, sc.w.practitionerId);
        Actor admin = fx.staff(Role.PRACTICE_ADMIN, sc.w.practiceId, null);
        Actor foreign = elsewhere.w.secretary;

        // foreign practice: unknown; patients and anonymous callers: refused
        list(foreign, sc.w.practiceId, null).then().statusCode(404).contentType("application/problem+json");
        accept(foreign, decision, proposal).then().statusCode(404).contentType("application/problem+json");
        decline(foreign, decision).then().statusCode(404);
        list(patient, sc.w.practiceId, null).then().statusCode(403);
        accept(patient, decision, proposal).then().statusCode(403);
        decline(patient, decision).then().statusCode(403);
        given().get("/api/practices/{id}/absence-decisions", sc.w.practiceId).then().statusCode(401);
        list(sc.w.secretary, 987654321L, null).then().statusCode(404);

        // the secretary and the admin see the whole practice; a practitioner their own agenda only
        assertThat(list(admin, sc.w.practiceId, null).then().statusCode(200).extract().jsonPath()
                .getList("appointmentId", Long.class)).containsExactlyInAnyOrder(appointment, colleagueAppointment);
        assertThat(list(practitioner, sc.w.practiceId, null).then().statusCode(200).extract().jsonPath()
                .getList("appointmentId", Long.class)).containsExactly(appointment);
        accept(practitioner, colleagueDecision, colleagueProposal).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("not_your_agenda"));
        decline(practitioner, colleagueDecision).then().statusCode(403).body("code", equalTo("not_your_agenda"));
        assertThat(fx.queryString("SELECT status FROM absence_decision WHERE id = ?", colleagueDecision)).isEqualTo("OPEN");

        // the practitioner answers for their own patient (booked at the desk, as they book), the admin for the other
        accept(practitioner, decision, proposal).then().statusCode(201).body("channel", equalTo("DESK"));
        decline(admin, colleagueDecision).then().statusCode(200).body("state", equalTo("DECLINED"));
    }

    // ---------------------------------------------------------------- helpers

    private static Response list(Actor by, long practiceId, String state) {
        var req = given().header("Authorization", by.bearer());
        if (state != null) {
            req = req.queryParam("state", state);
        }
        return req.get("/api/practices/{id}/absence-decisions", practiceId);
    }

    private static Response accept(Actor by, long decisionId, long proposalId) {
        return given().header("Authorization", by.bearer())
                .post("/api/absence-decisions/{id}/proposals/{p}/accept", decisionId, proposalId);
    }

    private static Response decline(Actor by, long decisionId) {
        return given().header("Authorization", by.bearer()).post("/api/absence-decisions/{id}/decline", decisionId);
    }

    private static Response decide(Actor by, long absenceId, Map<String, Object> body) {
        Map<String, Object> b = new HashMap<>(body);
        return given().header("Authorization", by.bearer()).contentType(ContentType.JSON).body(b)
                .post("/api/absences/{id}/decisions", absenceId);
    }

}
