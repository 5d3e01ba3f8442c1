package fr.creneau.backend.waitlist;

import fr.creneau.backend.appointment.BookingWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.PostgresAndKeysResource;
import fr.creneau.model.rules.AppointmentStatus;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static fr.creneau.backend.waitlist.WaitlistTest.cancel;
import static fr.creneau.backend.waitlist.WaitlistTest.claim;
import static fr.creneau.backend.waitlist.WaitlistTest.delete;
import static fr.creneau.backend.waitlist.WaitlistTest.entry;
import static fr.creneau.backend.waitlist.WaitlistTest.joined;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waitlist as the secretariat works it by phone: the practice's list shows which entries hold an offer awaiting
 * an answer (and until when), the secretary accepts it for a patient who has no app (the offer reached them by SMS,
 * which says to call the practice), and removing an entry that holds an offer passes the slot on at once.
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class StaffWaitlistTest {
    @Inject
    Fixtures fx;

    @Test
    void theSecretaryAcceptsByPhoneTheOfferSentBySmsToAPatientWithoutTheApp() {
        BookingWorld w = new BookingWorld(fx);
        BookingWorld other = new BookingWorld(fx);
        Instant slot = w.at("11:00");
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, slot, 15, AppointmentStatus.BOOKED);
        long smsOnly = w.phoneCaller();
        long withOffer = joined(w, entry(smsOnly, null, w.motive15, w.monday, w.monday));
        // another motive: nothing to offer it
        long waiting = joined(w, entry(w.phoneCaller(), w.practitionerId, w.motive30, w.monday, w.monday));
        assertThat(list(w).getList("offerId")).containsOnlyNulls();

        cancel(w, appointment).then().statusCode(200);
        assertThat(fx.queryString("SELECT channel FROM notification_outbox WHERE kind = 'WAITLIST_OFFER'"
                + " AND patient_id = ?", smsOnly)).isEqualTo("SMS");
        long offer = fx.queryLong("SELECT id FROM waitlist_offer WHERE entry_id = ?", withOffer);

        JsonPath listed = list(w);
        assertThat(listed.getList("id", Long.class)).containsExactly(withOffer, waiting);
        assertThat(listed.getLong("[0].offerId")).isEqualTo(offer);
        assertThat(Instant.parse(listed.getString("[0].offerStart"))).isEqualTo(slot);
        assertThat(Instant.parse(listed.getString("[0].offerExpiresAt"))).isAfter(Instant.now());
        assertThat(listed.getString("[0].offerPractitionerName")).isNotBlank();
        assertThat(listed.getString("[0].timezone")).isEqualTo("Europe/Paris");
        assertThat(listed.getString("[0].patientName")).isNotBlank();
        assertThat(listed.getString("[1].offerId")).isNull();

        // past its expiry (the job has not run yet), the offer is no longer shown as one to accept
        fx.update("UPDATE waitlist_offer SET expires_at = now() - interval '1 minute' WHERE id = ?", offer);
        assertThat(list(w).getString("[0].offerId")).isNull();
        fx.update("UPDATE waitlist_offer SET expires_at = now() + interval '10 minutes' WHERE id = ?", offer);

        // another practice's secretary cannot accept it; the practice's practitioner does not take calls
        assertThat(claim(other.secretary, offer).statusCode()).isEqualTo(404);
        assertThat(claim(w.practitioner, offer).statusCode()).isEqualTo(403);

        Response booked = claim(w.secretary, offer);
        assertThat(booked.statusCode()).isEqualTo(201);
        assertThat(booked.jsonPath().getLong("patientId")).isEqualTo(smsOnly);
        assertThat(booked.jsonPath().getString("channel")).isEqualTo("PHONE");
        assertThat(Instant.parse(booked.jsonPath().getString("start"))).isEqualTo(slot);
        // booked: off the list, the other entry still waits
        assertThat(list(w).getList("id", Long.class)).containsExactly(waiting);
        assertThat(w.liveAppointments(w.practitionerId, slot, slot.plusSeconds(900))).isEqualTo(1);
    }

    @Test
    void removingAnEntryThatHoldsAnOfferOffersTheSlotToTheNextInLineAtOnce() {
        BookingWorld w = new BookingWorld(fx);
        BookingWorld other = new BookingWorld(fx);
        Instant slot = w.at("14:30");
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, slot, 15, AppointmentStatus.BOOKED);
        long e1 = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
        long e2 = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
        long e3 = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
        long e4Patient = w.phoneCaller();
        long e4 = joined(w, entry(e4Patient, null, w.motive15, w.monday, w.monday));
        cancel(w, appointment).then().statusCode(200);
        assertThat(openOffers(w)).containsExactlyInAnyOrder(e1, e2, e3);

        // not theirs to touch: nothing moves
        delete(other.secretary, e2).then().statusCode(404);
        delete(w.practitioner, e2).then().statusCode(403);
        assertThat(openOffers(w)).containsExactlyInAnyOrder(e1, e2, e3);

        // the patient called: they no longer need it. The app's HTTP stack sends a form content type on a DELETE
        given().header("Authorization", w.secretary.bearer()).contentType("application/x-www-form-urlencoded")
                .delete("/api/waitlist/{id}", e2).then().statusCode(204);
        assertThat(openOffers(w)).containsExactlyInAnyOrder(e1, e3, e4);
        assertThat(fx.queryLong("SELECT count(*) FROM notification_outbox WHERE kind = 'WAITLIST_OFFER'"
                + " AND patient_id = ?", e4Patient)).isEqualTo(1);
        assertThat(list(w).getList("id", Long.class)).containsExactly(e1, e3, e4);
        assertThat(list(w).getList("offerId")).doesNotContainNull();

        // an entry without an offer goes quietly: nobody else is offered anything
        long e5 = joined(w, entry(w.phoneCaller(), null, w.motive30, w.monday, w.monday));
        long before = fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE practice_id = ?", w.practiceId);
        delete(w.secretary, e5).then().statusCode(204);
        assertThat(fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE practice_id = ?", w.practiceId))
                .isEqualTo(before);
    }

    private static JsonPath list(BookingWorld w) {
        return given().header("Authorization", w.secretary.bearer()).get("/api/practices/{id}/waitlist", w.practiceId)
                .then().statusCode(200).extract().jsonPath();
    }

    private List<Long> openOffers(BookingWorld w) {
        return fx.queryLongs("SELECT entry_id FROM waitlist_offer WHERE practice_id = ? AND status = 'OPEN'",
                w.practiceId);
    }
}
