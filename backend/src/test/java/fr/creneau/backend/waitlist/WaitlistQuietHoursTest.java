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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static fr.creneau.backend.waitlist.WaitlistTest.cancel;
import static fr.creneau.backend.waitlist.WaitlistTest.claim;
import static fr.creneau.backend.waitlist.WaitlistTest.entry;
import static fr.creneau.backend.waitlist.WaitlistTest.joined;
import static fr.creneau.backend.waitlist.WaitlistWavesTest.decline;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waitlist offers keep the practice's quiet hours (21:00-08:00 Paris by default): an offer made at night is told at
 * their end and may be claimed for offer-minutes from then; a slot that starts before anyone may be told is not
 * offered; a notice still waiting for the morning is dropped when its offer closes. Time comes from the injected
 * Clock, fixed for each test, so the hour the suite runs at does not matter.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class WaitlistQuietHoursTest {
    static final Duration OFFER = Duration.ofMinutes(30);

    @Inject
    Fixtures fx;

    @Inject
    OfferRows offers;

    @Inject
    WaitlistService waitlist;

    @Test
    void anOfferMadeAtNightIsToldAtTheEndOfTheQuietHoursAndRunsFromThere() throws Throwable {
        BookingWorld w = new BookingWorld(fx);
        LocalDate today = LocalDate.now(BookingWorld.PARIS);
        MovableClock.install(paris(today, "22:30"));
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        Actor first = w.knownPatient();
        long e1 = joined(w, entry(first.patientId(), null, w.motive15, w.monday, w.monday));
        long e2 = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
        long e3 = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
        long e4 = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));

        cancel(w, appointment).then().statusCode(200);

        // the wave is made at once, its push and SMS wait for 08:00, and the half hour to answer runs from 08:00
        Instant morning = paris(today.plusDays(1), "08:00");
        assertThat(offers.open(w)).containsExactly(e1, e2, e3);
        for (long e : List.of(e1, e2, e3)) {
            assertThat(dueAt(notice("WAITLIST_OFFER", offers.offerOf(e)))).isEqualTo(morning);
            assertThat(expiresAt(offers.offerOf(e))).isEqualTo(morning.plus(OFFER));
        }
        assertThat(fx.queryString("SELECT channel FROM notification_outbox WHERE id = ?",
                notice("WAITLIST_OFFER", offers.offerOf(e1)))).isEqualTo("PUSH");
        assertThat(fx.queryString("SELECT payload ->> 'expiresAt' FROM notification_outbox WHERE id = ?",
                notice("WAITLIST_OFFER", offers.offerOf(e1)))).isEqualTo(morning.plus(OFFER).toString());

        // nobody loses the offer asleep: the night's runs leave it open, and so does 08:29
        advance(paris(today.plusDays(1), "03:00"));
        advance(morning.plus(OFFER).minusSeconds(60));
        assertThat(offers.open(w)).containsExactly(e1, e2, e3);

        // at 08:30 nobody answered: the slot passes to the next in line, in the day, so at once
        Instant expiry = morning.plus(OFFER);
        advance(expiry);
        assertThat(offers.status(offers.offerOf(e1))).isEqualTo("EXPIRED");
        assertThat(offers.open(w)).containsExactly(e4);
        assertThat(dueAt(notice("WAITLIST_OFFER", offers.offerOf(e4)))).isEqualTo(expiry);
        assertThat(expiresAt(offers.offerOf(e4))).isEqualTo(expiry.plus(OFFER));
    }

    @Test
    void aSlotThatStartsBeforeTheQuietHoursEndIsNotOfferedAtNight() throws Throwable {
        BookingWorld w = new BookingWorld(fx);
        // this practice keeps quiet until 09:30
        fx.update("INSERT INTO notification_policy (practice_id, quiet_start, quiet_end) VALUES (?, '21:00', '09:30')",
                w.practiceId);
        MovableClock.install(paris(w.monday.minusDays(1), "23:00"));
        long nine = w.appointment(w.phoneCaller(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        long ten = w.appointment(w.phoneCaller(), w.practitionerId, w.at("10:00"), 15, AppointmentStatus.BOOKED);
        Actor waiting = w.knownPatient();
        long e1 = joined(w, entry(waiting.patientId(), null, w.motive15, w.monday, w.monday));

        cancel(w, nine).then().statusCode(200);

        // nobody may be told before 09:30 and the slot starts at 09:00: no offer, no message, now or at the night's runs
        assertThat(offers.offered(e1)).isZero();
        advance(paris(w.monday, "06:00"));
        assertThat(offers.offered(e1)).isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE patient_id = ? AND kind = 'WAITLIST_OFFER'",
                waiting.patientId())).isZero();

        // the entry is not held by a useless offer: a slot it can still take is offered, told at 09:30
        cancel(w, ten).then().statusCode(200);
        assertThat(offers.open(w)).containsExactly(e1);
        long offer = offers.offerOf(e1);
        assertThat(fx.queryString("SELECT (starts_at = ?)::text FROM waitlist_offer WHERE id = ?",
                BookingWorld.utc(w.at("10:00")), offer)).isEqualTo("true");
        Instant quietEnd = paris(w.monday, "09:30");
        assertThat(dueAt(notice("WAITLIST_OFFER", offer))).isEqualTo(quietEnd);
        assertThat(expiresAt(offer)).isEqualTo(quietEnd.plus(OFFER));

        // the 09:00 slot closes when it passes, never offered
        advance(w.at("09:00"));
        assertThat(fx.queryString("SELECT status FROM waitlist_round WHERE practice_id = ? AND starts_at = ?",
                w.practiceId, BookingWorld.utc(w.at("09:00")))).isEqualTo("PAST");
        assertThat(offers.offered(e1)).isEqualTo(1);
    }

    @Test
    void aDaytimeOfferIsToldAtOnce() {
        BookingWorld w = new BookingWorld(fx);
        LocalDate today = LocalDate.now(BookingWorld.PARIS);
        // 08:00 is the first minute after the quiet hours, 20:59 the last before them
        for (String hhmm : List.of("08:00", "14:00", "20:59")) {
            Instant now = paris(today, hhmm);
            MovableClock.install(now);
            Instant slot = w.at(hhmm.equals("08:00") ? "09:00" : hhmm.equals("14:00") ? "10:00" : "11:00");
            long appointment = w.appointment(w.phoneCaller(), w.practitionerId, slot, 15, AppointmentStatus.BOOKED);
            long entry = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
            cancel(w, appointment).then().statusCode(200);
            assertThat(dueAt(notice("WAITLIST_OFFER", offers.offerOf(entry)))).as(hhmm).isEqualTo(now);
            assertThat(expiresAt(offers.offerOf(entry))).as(hhmm).isEqualTo(now.plus(OFFER));
        }
    }

    @Test
    void anOfferExpiresNoLaterThanItsSlotStarts() throws Throwable {
        // by day, in a practice that books up to the last minute: the half hour to answer would end at 08:30,
        // fifteen minutes into the consultation
        BookingWorld w = new BookingWorld(fx);
        fx.practiceRules(w.practiceId, 24, 0, 90);
        Instant now = paris(w.monday, "08:00");
        MovableClock.install(now);
        long offer = offerForAFreedSlotAt(w, "08:15");
        assertThat(dueAt(notice("WAITLIST_OFFER", offer))).isEqualTo(now);
        assertThat(expiresAt(offer)).isEqualTo(w.at("08:15"));
        assertThat(fx.queryString("SELECT payload ->> 'expiresAt' FROM notification_outbox WHERE id = ?",
                notice("WAITLIST_OFFER", offer))).isEqualTo(w.at("08:15").toString());
        // at 08:15 the offer is over: nobody may claim a consultation that has begun
        advance(w.at("08:15"));
        assertThat(offers.status(offer)).isEqualTo("EXPIRED");

        // at night, with the usual hour of notice: told at 08:00, the end of the quiet hours, and over at 08:15 too
        BookingWorld night = new BookingWorld(fx);
        MovableClock.install(paris(night.monday, "06:45"));
        long nightOffer = offerForAFreedSlotAt(night, "08:15");
        assertThat(dueAt(notice("WAITLIST_OFFER", nightOffer))).isEqualTo(paris(night.monday, "08:00"));
        assertThat(expiresAt(nightOffer)).isEqualTo(night.at("08:15"));
    }

    /** Cancels an appointment at {@code hhmm} on the world's Monday and answers the offer its slot got. */
    private long offerForAFreedSlotAt(BookingWorld w, String hhmm) {
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, w.at(hhmm), 15, AppointmentStatus.BOOKED);
        long entry = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
        cancel(w, appointment).then().statusCode(200);
        assertThat(offers.open(w)).containsExactly(entry);
        return offers.offerOf(entry);
    }

    @Test
    void anOfferThatClosesBeforeTheMorningIsNeverTold() {
        BookingWorld w = new BookingWorld(fx);
        LocalDate today = LocalDate.now(BookingWorld.PARIS);
        MovableClock.install(paris(today, "22:30"));
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        Actor p1 = w.knownPatient();
        Actor p2 = w.knownPatient();
        long caller = w.phoneCaller();
        long e1 = joined(w, entry(p1.patientId(), null, w.motive15, w.monday, w.monday));
        long e2 = joined(w, entry(p2.patientId(), null, w.motive15, w.monday, w.monday));
        long e3 = joined(w, entry(caller, null, w.motive15, w.monday, w.monday));
        long e4 = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
        cancel(w, appointment).then().statusCode(200);
        Instant morning = paris(today.plusDays(1), "08:00");

        // p1 sees the offer in the app at night and declines it: no push in the morning; the next in line is
        // offered the slot, told in the morning too
        long n1 = notice("WAITLIST_OFFER", offers.offerOf(e1));
        decline(p1, offers.offerOf(e1)).then().statusCode(204);
        assertThat(outboxStatus(n1)).isEqualTo("SKIPPED");
        assertThat(dueAt(notice("WAITLIST_OFFER", offers.offerOf(e4)))).isEqualTo(morning);

        // p2 claims at night: neither p2 nor the others are told of an offer that is over before the morning
        long n2 = notice("WAITLIST_OFFER", offers.offerOf(e2));
        long n3 = notice("WAITLIST_OFFER", offers.offerOf(e3));
        claim(p2, offers.offerOf(e2)).then().statusCode(201);
        assertThat(offers.status(offers.offerOf(e3))).isEqualTo("GONE");
        assertThat(List.of(outboxStatus(n2), outboxStatus(n3))).containsOnly("SKIPPED");
        assertThat(outboxStatus(notice("WAITLIST_OFFER", offers.offerOf(e4)))).isEqualTo("SKIPPED");
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE kind = 'WAITLIST_GONE'"
                + " AND CAST(payload ->> 'offerId' AS bigint) IN (?, ?, ?)", offers.offerOf(e1), offers.offerOf(e3), offers.offerOf(e4))).isZero();
        // dropped as closed offers, a reason the app's inbox leaves out once their time has come
        assertThat(fx.queryString("SELECT string_agg(DISTINCT last_error, ',') FROM notification_outbox WHERE id IN (?, ?, ?)",
                n1, n2, n3)).isEqualTo(fr.creneau.backend.notification.NotificationOutbox.OFFER_CLOSED);
    }

    @Test
    void aSlotTakenAfterNightfallIsAnnouncedGoneInTheMorning() {
        BookingWorld w = new BookingWorld(fx);
        LocalDate today = LocalDate.now(BookingWorld.PARIS);
        MovableClock clock = MovableClock.install(paris(today, "20:45"));
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, w.at("09:00"), 15, AppointmentStatus.BOOKED);
        Actor p1 = w.knownPatient();
        Actor p2 = w.knownPatient();
        long e1 = joined(w, entry(p1.patientId(), null, w.motive15, w.monday, w.monday));
        long e2 = joined(w, entry(p2.patientId(), null, w.motive15, w.monday, w.monday));
        cancel(w, appointment).then().statusCode(200);
        // told at once, before the quiet hours, as a dispatcher would
        long n1 = notice("WAITLIST_OFFER", offers.offerOf(e1));
        assertThat(dueAt(n1)).isEqualTo(paris(today, "20:45"));
        fx.update("UPDATE notification_outbox SET status = 'SENT', sent_at = due_at WHERE id = ?", n1);

        clock.set(paris(today, "21:05"));
        claim(p2, offers.offerOf(e2)).then().statusCode(201);

        // p1 knew of the offer: they hear it is gone, but in the morning
        assertThat(dueAt(notice("WAITLIST_GONE", offers.offerOf(e1)))).isEqualTo(paris(today.plusDays(1), "08:00"));
        assertThat(outboxStatus(n1)).isEqualTo("SENT");
    }

    // ---------------------------------------------------------------- helpers

    static Instant paris(LocalDate day, String hhmm) {
        return day.atTime(LocalTime.parse(hhmm)).atZone(BookingWorld.PARIS).toInstant();
    }

    private void advance(Instant now) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> waitlist.advance(now));
    }

    /** The outbox row of this kind about the offer. */
    private long notice(String kind, long offerId) {
        return fx.queryLong("SELECT id FROM notification_outbox WHERE kind = ? AND CAST(payload ->> 'offerId' AS bigint) = ?",
                kind, offerId);
    }

    private String outboxStatus(long outboxId) {
        return fx.queryString("SELECT status FROM notification_outbox WHERE id = ?", outboxId);
    }

    private Instant dueAt(long outboxId) {
        return Instant.ofEpochSecond(fx.queryLong("SELECT CAST(EXTRACT(EPOCH FROM due_at) AS bigint)"
                + " FROM notification_outbox WHERE id = ?", outboxId));
    }

    private Instant expiresAt(long offerId) {
        return Instant.ofEpochSecond(fx.queryLong("SELECT CAST(EXTRACT(EPOCH FROM expires_at) AS bigint)"
                + " FROM waitlist_offer WHERE id = ?", offerId));
    }
}
