package fr.creneau.backend.waitlist;

import fr.creneau.backend.appointment.BookingWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.backend.support.MovableClock;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.AppointmentStatus;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static fr.creneau.backend.waitlist.WaitlistTest.cancel;
import static fr.creneau.backend.waitlist.WaitlistTest.claim;
import static fr.creneau.backend.waitlist.WaitlistTest.entry;
import static fr.creneau.backend.waitlist.WaitlistTest.join;
import static fr.creneau.backend.waitlist.WaitlistTest.joined;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Offers go out in waves; an expired or declined offer passes the slot on; a claim withdraws the others. */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class WaitlistWavesTest {
    @Inject
    Fixtures fx;

    @Inject
    OfferRows offers;

    @Inject
    WaitlistService waitlist;

    @Inject
    Clock clock;

    /**
     * The injected clock, fixed in the day: offers made in the quiet hours wait for the morning and run from then
     * (WaitlistQuietHoursTest), which would shift every time below.
     */
    @BeforeEach
    void daytime() {
        MovableClock.installTodayAt(LocalTime.of(14, 0));
    }

    @Test
    void aWaveOfThreeThenDeclineAndExpiryPassTheSlotOnInOrder() throws Throwable {
        BookingWorld w = new BookingWorld(fx);
        Instant slot = w.at("09:00");
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, slot, 15, AppointmentStatus.BOOKED);
        Actor first = w.knownPatient();
        long e1 = joined(w, entry(first.patientId(), w.practitionerId, w.motive15, w.monday, w.monday));
        long e2 = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
        long e3 = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
        long e4 = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
        long e5 = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));

        cancel(w, appointment).then().statusCode(200);
        assertThat(offers.open(w)).containsExactly(e1, e2, e3);
        assertThat(offers.offered(e4) + offers.offered(e5)).isZero();

        // the first in line does not want it: the fourth is offered at once, with its own notification
        decline(first, offers.offerOf(e1)).then().statusCode(204);
        assertThat(offers.status(offers.offerOf(e1))).isEqualTo("DECLINED");
        assertThat(offers.open(w)).containsExactly(e2, e3, e4);
        assertThat(fx.queryLong("SELECT rank FROM waitlist_offer WHERE entry_id = ?", e4)).isEqualTo(4);
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE kind = 'WAITLIST_OFFER'"
                + " AND CAST(payload ->> 'offerId' AS bigint) = ?", offers.offerOf(e4))).isEqualTo(1);
        // declined is declined
        Response again = decline(first, offers.offerOf(e1));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.jsonPath().getString("code")).isEqualTo("offer_declined");

        // nothing to do before the expiry
        advance(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(offers.open(w)).containsExactly(e2, e3, e4);

        // half an hour later nobody answered: those offers expire and the last entry is offered the slot
        Instant later = clock.instant().plus(Duration.ofMinutes(31));
        advance(later);
        assertThat(offers.status(offers.offerOf(e2))).isEqualTo("EXPIRED");
        assertThat(offers.status(offers.offerOf(e4))).isEqualTo("EXPIRED");
        assertThat(offers.open(w)).containsExactly(e5);
        assertThat(fx.queryString("SELECT (expires_at > ?)::text FROM waitlist_offer WHERE entry_id = ?",
                BookingWorld.utc(later.plus(Duration.ofMinutes(29))), e5)).isEqualTo("true");
        Response expired = claim(w.secretary, offers.offerOf(e2));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.jsonPath().getString("code")).isEqualTo("offer_expired");

        // the last one takes it, through the secretariat on the phone
        Response booked = claim(w.secretary, offers.offerOf(e5));
        assertThat(booked.statusCode()).isEqualTo(201);
        assertThat(w.liveAppointments(w.practitionerId, slot, slot.plusSeconds(900))).isEqualTo(1);
        advance(later.plus(Duration.ofMinutes(31)));
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE practice_id = ?", w.practiceId)).isEqualTo(5);
    }

    @Test
    void theFirstClaimWithdrawsTheOtherOffersAndTellsThosePatients() throws Throwable {
        BookingWorld w = new BookingWorld(fx);
        Instant slot = w.at("10:00");
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, slot, 15, AppointmentStatus.BOOKED);
        Actor p1 = w.knownPatient();
        Actor p2 = w.knownPatient();
        long sms = w.phoneCaller();
        long e1 = joined(w, entry(p1.patientId(), null, w.motive15, w.monday, w.monday));
        long e2 = joined(w, entry(p2.patientId(), null, w.motive15, w.monday, w.monday));
        long e3 = joined(w, entry(sms, null, w.motive15, w.monday, w.monday));
        long e4 = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
        cancel(w, appointment).then().statusCode(200);

        // each patient lists their own offers, open ones first to claim
        given().header("Authorization", p1.bearer()).get("/api/waitlist/offers/mine").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo((int) offers.offerOf(e1)))
                .body("[0].status", equalTo("OPEN")).body("[0].start", equalTo(slot.toString()))
                .body("[0].practitionerId", equalTo((int) w.practitionerId));

        Response won = claim(p2, offers.offerOf(e2));
        assertThat(won.statusCode()).isEqualTo(201);
        assertThat(offers.status(offers.offerOf(e1))).isEqualTo("GONE");
        assertThat(offers.status(offers.offerOf(e3))).isEqualTo("GONE");
        assertThat(fx.queryString("SELECT status FROM waitlist_round WHERE id = (SELECT round_id FROM waitlist_offer"
                + " WHERE entry_id = ?)", e2)).isEqualTo("CLAIMED");
        // the others hear it is gone: push for the app user, SMS for the caller; no motive, no practitioner
        assertThat(fx.queryString("SELECT channel FROM notification_outbox WHERE kind = 'WAITLIST_GONE' AND patient_id = ?",
                p1.patientId())).isEqualTo("PUSH");
        assertThat(fx.queryString("SELECT channel FROM notification_outbox WHERE kind = 'WAITLIST_GONE' AND patient_id = ?",
                sms)).isEqualTo("SMS");
        assertThat(fx.queryString("SELECT payload::text FROM notification_outbox WHERE kind = 'WAITLIST_GONE'"
                + " AND patient_id = ?", p1.patientId())).doesNotContain("motive").doesNotContain("practitioner");
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE kind = 'WAITLIST_GONE' AND patient_id = ?",
                p2.patientId())).isZero();
        // they stay on the waitlist
        assertThat(fx.queryString("SELECT status FROM waitlist_entry WHERE id = ?", e1)).isEqualTo("OPEN");

        // a claim of a withdrawn offer says so
        Response late = claim(p1, offers.offerOf(e1));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.jsonPath().getString("code")).isEqualTo("slot_taken");
        assertThat(late.jsonPath().getString("detail")).contains("another patient");
        decline(p1, offers.offerOf(e1)).then().statusCode(409).body("code", equalTo("slot_taken"));
        given().header("Authorization", p1.bearer()).get("/api/waitlist/offers/mine").then().statusCode(200)
                .body("[0].status", equalTo("GONE"));
        given().header("Authorization", p2.bearer()).get("/api/waitlist/offers/mine").then().statusCode(200)
                .body("[0].status", equalTo("CLAIMED"));

        // a claimed slot is not offered any further
        advance(clock.instant().plus(Duration.ofMinutes(45)));
        assertThat(offers.offered(e4)).isZero();
        assertThat(w.liveAppointments(w.practitionerId, slot, slot.plusSeconds(900))).isEqualTo(1);
    }

    @Test
    void aSlotBookedOutsideTheWaitlistWithdrawsItsOffersAtTheNextRun() throws Throwable {
        BookingWorld w = new BookingWorld(fx);
        Instant slot = w.at("11:00");
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, slot, 15, AppointmentStatus.BOOKED);
        long e1 = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
        cancel(w, appointment).then().statusCode(200);
        // the secretariat gives the slot to a caller on the phone
        given().header("Authorization", w.secretary.bearer()).contentType("application/json")
                .body(w.booking(w.phoneCaller(), slot)).post("/api/appointments").then().statusCode(201);
        advance(clock.instant());
        assertThat(offers.status(offers.offerOf(e1))).isEqualTo("GONE");
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE kind = 'WAITLIST_GONE'"
                + " AND CAST(payload ->> 'offerId' AS bigint) = ?", offers.offerOf(e1))).isEqualTo(1);
    }

    @Test
    void declineFollowsObjectLevelAuthorization() {
        BookingWorld w = new BookingWorld(fx);
        BookingWorld other = new BookingWorld(fx);
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, w.at("16:30"), 15, AppointmentStatus.BOOKED);
        Actor patient = w.knownPatient();
        long entry = joined(w, entry(patient.patientId(), null, w.motive15, w.monday, w.monday));
        cancel(w, appointment).then().statusCode(200);
        long offer = offers.offerOf(entry);

        assertThat(decline(w.knownPatient(), offer).statusCode()).isEqualTo(404);
        assertThat(decline(other.secretary, offer).statusCode()).isEqualTo(404);
        assertThat(decline(w.practitioner, offer).statusCode()).isEqualTo(403);
        assertThat(decline(patient, Long.MAX_VALUE).statusCode()).isEqualTo(404);
        given().post("/api/waitlist/offers/{id}/decline", offer).then().statusCode(401);
        given().header("Authorization", w.secretary.bearer()).get("/api/waitlist/offers/mine").then().statusCode(403);
        given().get("/api/waitlist/offers/mine").then().statusCode(401);
        assertThat(offers.status(offer)).isEqualTo("OPEN");
        fx.update("UPDATE waitlist_offer SET expires_at = ? WHERE id = ?",
                BookingWorld.utc(clock.instant().minus(Duration.ofMinutes(1))), offer);
        decline(patient, offer).then().statusCode(410).body("code", equalTo("offer_expired"));
        given().header("Authorization", patient.bearer()).get("/api/waitlist/offers/mine").then().statusCode(200)
                .body("[0].status", equalTo("EXPIRED"));
        fx.update("UPDATE waitlist_offer SET expires_at = ? WHERE id = ?",
                BookingWorld.utc(clock.instant().plus(Duration.ofMinutes(10))), offer);
        decline(w.secretary, offer).then().statusCode(204);
    }

    @Test
    void aReleasedUrgencyRangeOffersItsSlotsToTheWaitlist() throws Throwable {
        BookingWorld w = new BookingWorld(fx);
        long reserveMotive = fx.motive(w.practiceId, 15, true, false);
        // a Saturday morning urgency reserve, released by hand for one date
        long range = fx.weeklyRange(w.practitionerId, w.siteId, 6, "07:00", "07:30", true, 120, reserveMotive);
        LocalDate saturday = w.monday.plusDays(5);
        Actor p1 = w.knownPatient();
        long e1 = joined(w, entry(p1.patientId(), w.practitionerId, reserveMotive, saturday, saturday));
        long e2 = joined(w, entry(w.phoneCaller(), null, reserveMotive, saturday.minusDays(2), saturday));
        long otherDay = joined(w, entry(w.phoneCaller(), null, reserveMotive, saturday.plusDays(1), saturday.plusDays(2)));
        // a patient looked at that Saturday before the release: the day (no slot yet) is in the availability cache
        given().queryParam("motiveId", reserveMotive).queryParam("from", saturday.toString())
                .queryParam("to", saturday.toString()).get("/api/practitioners/{id}/availability", w.practitionerId)
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));

        given().header("Authorization", w.secretary.bearer()).queryParam("date", saturday.toString())
                .post("/api/opening-ranges/{id}/release", range).then().statusCode(204);

        // two slots (07:00, 07:15), one open offer per entry at a time: both go to the first slot
        Instant seven = saturday.atTime(7, 0).atZone(BookingWorld.PARIS).toInstant();
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_round WHERE practitioner_id = ? AND starts_at >= ?",
                w.practitionerId, BookingWorld.utc(seven))).isEqualTo(2);
        assertThat(offers.open(w)).containsExactly(e1, e2);
        assertThat(fx.queryString("SELECT starts_at = ? FROM waitlist_offer WHERE entry_id = ?",
                BookingWorld.utc(seven), e1)).isIn("t", "true");
        assertThat(offers.offered(otherDay)).isZero();
        // releasing twice offers nothing more
        given().header("Authorization", w.secretary.bearer()).queryParam("date", saturday.toString())
                .post("/api/opening-ranges/{id}/release", range).then().statusCode(204);
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE practice_id = ?", w.practiceId)).isEqualTo(2);

        // the first one takes 07:00; the other is told, then offered 07:15 at the next run
        claim(p1, offers.offerOf(e1)).then().statusCode(201);
        assertThat(offers.status(offers.offerOf(e2))).isEqualTo("GONE");
        advance(clock.instant());
        assertThat(offers.open(w)).containsExactly(e2);
        assertThat(fx.queryString("SELECT starts_at = ? FROM waitlist_offer WHERE entry_id = ? AND status = 'OPEN'",
                BookingWorld.utc(seven.plusSeconds(900)), e2)).isIn("t", "true");
    }

    // ---------------------------------------------------------------- helpers

    private void advance(Instant now) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> waitlist.advance(now));
    }

    static Response decline(Actor actor, long offerId) {
        Response r = given().header("Authorization", actor.bearer()).post("/api/waitlist/offers/{id}/decline", offerId);
        r.then().extract();
        return r;
    }
}
