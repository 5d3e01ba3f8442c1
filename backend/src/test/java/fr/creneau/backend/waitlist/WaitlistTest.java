package fr.creneau.backend.waitlist;

import static fr.creneau.backend.support.Race.race;
import fr.creneau.backend.appointment.BookingWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.MovableClock;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.AppointmentStatus;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class WaitlistTest {
    static final int CLAIMERS = 24;

    @Inject
    Fixtures fx;

    MovableClock clock;

    /** Offers made in the quiet hours wait for the morning (WaitlistQuietHoursTest): these tests run in the day. */
    @BeforeEach
    void daytime() {
        clock = MovableClock.installTodayAt(LocalTime.of(14, 0));
    }

    // ---------------------------------------------------------------- join, list, delete

    @Test
    void joinListAndDeleteFollowObjectLevelAuthorization() {
        BookingWorld w = new BookingWorld(fx);
        BookingWorld other = new BookingWorld(fx);
        Actor patient = w.knownPatient();
        long child = w.relativeOf(patient);
        Actor stranger = w.knownPatient();
        long caller = w.phoneCaller();
        LocalDate day = w.monday;

        long own = join(patient, w.practiceId, entry(patient.patientId(), w.practitionerId, w.motive15, day, day))
                .then().statusCode(201).body("patientId", equalTo(patient.patientId().intValue()))
                .body("practiceId", equalTo((int) w.practiceId)).extract().jsonPath().getLong("id");
        long forChild = join(patient, w.practiceId, entry(child, null, w.motive15, day, day.plusDays(3)))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        // someone else's patient id, for a patient: 404, never a hint that it exists
        join(patient, w.practiceId, entry(stranger.patientId(), null, w.motive15, day, day))
                .then().statusCode(404).contentType("application/problem+json");
        long byDesk = join(w.secretary, w.practiceId, entry(caller, w.practitionerId, w.motive15, day, day))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        // a patient the practice does not know, and another practice's secretary
        join(w.secretary, w.practiceId, entry(fx.patientAccount().patientId(), null, w.motive15, day, day))
                .then().statusCode(404);
        join(other.secretary, w.practiceId, entry(caller, null, w.motive15, day, day)).then().statusCode(404);
        // bad input names the field
        Map<String, Object> noDate = entry(caller, null, w.motive15, day, day);
        noDate.remove("fromDate");
        join(w.secretary, w.practiceId, noDate).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("fromDate"));
        join(w.secretary, w.practiceId, entry(caller, null, other.motive15, day, day)).then().statusCode(400)
                .body("errors.field", hasItem("motiveId"));
        join(w.secretary, w.practiceId, entry(caller, null, w.motive15, day.plusDays(2), day)).then().statusCode(400)
                .body("errors.field", hasItem("toDate"));
        given().contentType(ContentType.JSON).body(entry(caller, null, w.motive15, day, day))
                .post("/api/practices/{id}/waitlist", w.practiceId).then().statusCode(401);

        List<Long> listed = given().header("Authorization", w.secretary.bearer())
                .get("/api/practices/{id}/waitlist", w.practiceId).then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class);
        assertThat(listed).containsExactly(own, forChild, byDesk);
        given().header("Authorization", other.secretary.bearer()).get("/api/practices/{id}/waitlist", w.practiceId)
                .then().statusCode(404);
        given().header("Authorization", patient.bearer()).get("/api/practices/{id}/waitlist", w.practiceId)
                .then().statusCode(403);
        given().get("/api/practices/{id}/waitlist", w.practiceId).then().statusCode(401);

        assertThat(given().header("Authorization", patient.bearer()).get("/api/waitlist/mine").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class)).containsExactly(own, forChild);
        assertThat(given().header("Authorization", stranger.bearer()).get("/api/waitlist/mine").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class)).isEmpty();
        given().header("Authorization", w.secretary.bearer()).get("/api/waitlist/mine").then().statusCode(403);

        delete(stranger, own).then().statusCode(404);
        delete(other.secretary, own).then().statusCode(404);
        given().delete("/api/waitlist/{id}", own).then().statusCode(401);
        delete(patient, own).then().statusCode(204);
        delete(patient, own).then().statusCode(404);
        delete(w.secretary, forChild).then().statusCode(204);
        delete(patient, byDesk).then().statusCode(404);
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_entry WHERE practice_id = ?", w.practiceId)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- offers

    @Test
    void aCancellationOffersTheSlotToMatchingEntriesOldestFirst() {
        BookingWorld w = new BookingWorld(fx);
        LocalDate day = w.monday;
        Instant slot = w.at("09:00");
        long holder = w.phoneCaller();
        long appointment = w.appointment(holder, w.practitionerId, slot, 15, AppointmentStatus.BOOKED);

        Actor first = w.knownPatient();
        long e1 = joined(w, entry(first.patientId(), w.practitionerId, w.motive15, day, day));
        long e2 = joined(w, entry(w.phoneCaller(), null, w.motive15, day.minusDays(1), day.plusDays(1)));
        joined(w, entry(w.phoneCaller(), null, w.motive30, day, day));                   // another motive
        joined(w, entry(w.phoneCaller(), w.colleagueId, w.motive15, day, day));          // another practitioner
        joined(w, entry(w.phoneCaller(), null, w.motive15, day.plusDays(1), day.plusDays(2))); // another day
        joined(w, withTimes(entry(w.phoneCaller(), null, w.motive15, day, day), "14:00", "18:00")); // afternoons
        long e7 = joined(w, withTimes(entry(w.phoneCaller(), null, w.motive15, day, day), "08:30", "09:15"));
        assertThat(offers(w)).isZero();

        cancel(w, appointment).then().statusCode(200);

        List<Long> offered = new ArrayList<>();
        for (long rank = 1; rank <= 3; rank++) {
            offered.add(fx.queryLong("SELECT entry_id FROM waitlist_offer WHERE practice_id = ? AND rank = ?",
                    w.practiceId, (int) rank));
        }
        assertThat(offered).containsExactly(e1, e2, e7);
        assertThat(offers(w)).isEqualTo(3);
        // in the day, each offer is sent at once and may be claimed for the next half hour
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE practice_id = ? AND starts_at = ?"
                + " AND practitioner_id = ? AND expires_at = ?", w.practiceId, BookingWorld.utc(slot), w.practitionerId,
                BookingWorld.utc(clock.instant().plus(Duration.ofMinutes(30))))).isEqualTo(3);
        // one notification per offer, written with it; push for the app user, SMS for the phone callers
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox o JOIN waitlist_offer f"
                + " ON f.id = CAST(o.payload ->> 'offerId' AS bigint) WHERE o.kind = 'WAITLIST_OFFER'"
                + " AND f.practice_id = ? AND o.due_at = ?", w.practiceId, BookingWorld.utc(clock.instant()))).isEqualTo(3);
        assertThat(fx.queryString("SELECT channel FROM notification_outbox WHERE kind = 'WAITLIST_OFFER'"
                + " AND patient_id = ?", first.patientId())).isEqualTo("PUSH");
        assertThat(fx.queryString("SELECT payload::text FROM notification_outbox WHERE kind = 'WAITLIST_OFFER'"
                + " AND patient_id = ?", first.patientId())).doesNotContain("motive");
    }

    @Test
    void aRescheduleAwayFromASlotOffersTheOldSlot() {
        BookingWorld w = new BookingWorld(fx);
        Actor holder = w.knownPatient();
        long appointment = w.appointment(holder.patientId(), w.practitionerId, w.at("10:00"), 15, AppointmentStatus.BOOKED);
        long entry = joined(w, entry(w.phoneCaller(), w.practitionerId, w.motive15, w.monday, w.monday));
        given().header("Authorization", w.secretary.bearer()).contentType(ContentType.JSON)
                .body(Map.of("start", w.at("11:00").toString()))
                .post("/api/appointments/{id}/reschedule", appointment).then().statusCode(200);
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE entry_id = ? AND starts_at = ?",
                entry, BookingWorld.utc(w.at("10:00")))).isEqualTo(1);
    }

    @Test
    void aRolledBackCancellationOffersNothingAndNotifiesNobody() {
        BookingWorld w = new BookingWorld(fx);
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, w.at("09:30"), 15, AppointmentStatus.BOOKED);
        long patient = w.phoneCaller();
        long entry = joined(w, entry(patient, null, w.motive15, w.monday, w.monday));
        // The journal write comes after the offers in the cancellation's transaction: make it fail there
        String fn = "wl_fail_" + appointment;
        fx.update("CREATE FUNCTION " + fn + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " RAISE EXCEPTION 'journal down'; END $$");
        fx.update("CREATE TRIGGER " + fn + " BEFORE INSERT ON access_journal FOR EACH ROW"
                + " WHEN (NEW.object_id = " + appointment + " AND NEW.action LIKE '%STATUS%') EXECUTE FUNCTION " + fn + "()");
        try {
            int status = cancel(w, appointment).statusCode();
            assertThat(status).isGreaterThanOrEqualTo(500);
        } finally {
            fx.update("DROP TRIGGER " + fn + " ON access_journal");
            fx.update("DROP FUNCTION " + fn + "()");
        }
        assertThat(fx.queryString("SELECT status FROM appointment WHERE id = ?", appointment)).isEqualTo("BOOKED");
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE entry_id = ?", entry)).isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE kind = 'WAITLIST_OFFER' AND patient_id = ?",
                patient)).isZero();
        // the same cancellation, once it commits, offers and notifies
        cancel(w, appointment).then().statusCode(200);
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE entry_id = ?", entry)).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE kind = 'WAITLIST_OFFER' AND patient_id = ?",
                patient)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- claims

    @Test
    void waitlistRaceManySimultaneousClaimsGiveExactlyOneBooking() throws Exception {
        BookingWorld w = new BookingWorld(fx);
        Instant slot = w.at("15:00");
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, slot, 15, AppointmentStatus.BOOKED);
        List<Actor> waiting = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
            Actor p = w.knownPatient();
            joined(w, entry(p.patientId(), w.practitionerId, w.motive15, w.monday, w.monday));
            waiting.add(p);
        }
        cancel(w, appointment).then().statusCode(200);

        // offers go out in waves: the first three entries hold one each; each is claimed at once by its patient
        // and, on the phone, by the secretariat, CLAIMERS claims in all
        List<Actor> offered = waiting.subList(0, 3);
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE practitioner_id = ? AND starts_at = ?",
                w.practitionerId, BookingWorld.utc(slot))).isEqualTo(3);
        List<Callable<Response>> claims = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
            Actor p = offered.get(i % 3);
            Actor who = i % 2 == 0 ? p : w.secretary;
            long offer = fx.queryLong("SELECT o.id FROM waitlist_offer o JOIN waitlist_entry e ON e.id = o.entry_id"
                    + " WHERE e.patient_id = ?", p.patientId());
            claims.add(() -> claim(who, offer));
        }
        List<Response> answers = race(claims);

        assertThat(answers.stream().filter(r -> r.statusCode() == 201).count()).isEqualTo(1);
        assertThat(answers.stream().filter(r -> r.statusCode() == 409).count()).isEqualTo(CLAIMERS - 1);
        // the same patient's second claim of their own offer may meet the patient's constraint first
        answers.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertThat(r.jsonPath().getString("code")).isIn("slot_taken", "patient_busy"));
        assertThat(w.liveAppointments(w.practitionerId, slot, slot.plusSeconds(900))).isEqualTo(1);
        Response won = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
        long winner = won.jsonPath().getLong("patientId");
        assertThat(fx.queryString("SELECT e.status FROM waitlist_entry e WHERE e.patient_id = ?", winner)).isEqualTo("BOOKED");
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE practitioner_id = ? AND starts_at = ?"
                + " AND status = 'CLAIMED'", w.practitionerId, BookingWorld.utc(slot))).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE practitioner_id = ? AND starts_at = ?"
                + " AND status = 'OPEN'", w.practitionerId, BookingWorld.utc(slot))).isZero();
        // a late claim hears that it is gone
        Actor late = offered.stream().filter(p -> p.patientId() != winner).findFirst().orElseThrow();
        long lateOffer = fx.queryLong("SELECT o.id FROM waitlist_offer o JOIN waitlist_entry e ON e.id = o.entry_id"
                + " WHERE e.patient_id = ?", late.patientId());
        Response again = claim(late, lateOffer);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.jsonPath().getString("code")).isEqualTo("slot_taken");
    }

    @Test
    void anExpiredOfferIsRefusedAndForeignClaimsAre404() {
        BookingWorld w = new BookingWorld(fx);
        BookingWorld other = new BookingWorld(fx);
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, w.at("16:00"), 15, AppointmentStatus.BOOKED);
        Actor patient = w.knownPatient();
        long entry = joined(w, entry(patient.patientId(), w.practitionerId, w.motive15, w.monday, w.monday));
        cancel(w, appointment).then().statusCode(200);
        long offer = fx.queryLong("SELECT id FROM waitlist_offer WHERE entry_id = ?", entry);

        assertThat(claim(w.knownPatient(), offer).statusCode()).isEqualTo(404);
        assertThat(claim(other.secretary, offer).statusCode()).isEqualTo(404);
        assertThat(claim(w.practitioner, offer).statusCode()).isEqualTo(403);
        given().post("/api/waitlist/offers/{id}/claim", offer).then().statusCode(401);
        assertThat(claim(patient, Long.MAX_VALUE).statusCode()).isEqualTo(404);

        fx.update("UPDATE waitlist_offer SET expires_at = ? WHERE id = ?",
                BookingWorld.utc(clock.instant().minus(Duration.ofMinutes(1))), offer);
        Response expired = claim(patient, offer);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.jsonPath().getString("code")).isEqualTo("offer_expired");
        assertThat(w.liveAppointments(w.practitionerId, w.at("16:00"), w.at("16:15"))).isZero();

        // still open in time, the practice's secretary claims it for the patient on the phone
        fx.update("UPDATE waitlist_offer SET expires_at = ? WHERE id = ?",
                BookingWorld.utc(clock.instant().plus(Duration.ofMinutes(10))), offer);
        Response booked = claim(w.secretary, offer);
        assertThat(booked.statusCode()).isEqualTo(201);
        assertThat(booked.jsonPath().getLong("patientId")).isEqualTo(patient.patientId());
        assertThat(w.liveAppointments(w.practitionerId, w.at("16:00"), w.at("16:15"))).isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    static Map<String, Object> entry(long patientId, Long practitionerId, long motiveId, LocalDate from, LocalDate to) {
        Map<String, Object> m = new HashMap<>();
        m.put("patientId", patientId);
        if (practitionerId != null) {
            m.put("practitionerId", practitionerId);
        }
        m.put("motiveId", motiveId);
        m.put("fromDate", from.toString());
        m.put("toDate", to.toString());
        return m;
    }

    static Map<String, Object> withTimes(Map<String, Object> m, String from, String to) {
        m.put("fromTime", from);
        m.put("toTime", to);
        return m;
    }

    static Response join(Actor actor, long practiceId, Map<String, Object> body) {
        return given().header("Authorization", actor.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/practices/{id}/waitlist", practiceId);
    }

    static long joined(BookingWorld w, Map<String, Object> body) {
        return join(w.secretary, w.practiceId, body).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Response delete(Actor actor, long id) {
        return given().header("Authorization", actor.bearer()).delete("/api/waitlist/{id}", id);
    }

    static Response claim(Actor actor, long offerId) {
        Response r = given().header("Authorization", actor.bearer()).post("/api/waitlist/offers/{id}/claim", offerId);
        r.then().extract();
        return r;
    }

    static Response cancel(BookingWorld w, long appointmentId) {
        return given().header("Authorization", w.secretary.bearer()).contentType(ContentType.JSON)
                .body(Map.of("status", "CANCELLED_BY_PRACTICE", "reason", "Empêchement du médecin"))
                .post("/api/appointments/{id}/status", appointmentId);
    }

    long offers(BookingWorld w) {
        return fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE practice_id = ?", w.practiceId);
    }

}
