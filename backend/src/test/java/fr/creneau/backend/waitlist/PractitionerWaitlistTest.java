package fr.creneau.backend.waitlist;

import fr.creneau.backend.appointment.BookingWorld;
import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
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

import static fr.creneau.backend.waitlist.WaitlistTest.cancel;
import static fr.creneau.backend.waitlist.WaitlistTest.claim;
import static fr.creneau.backend.waitlist.WaitlistTest.delete;
import static fr.creneau.backend.waitlist.WaitlistTest.entry;
import static fr.creneau.backend.waitlist.WaitlistTest.joined;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A practitioner reads the waitlist of their practice, to see who waits when they free time: the entries that name
 * them and those open to anyone of the practice, never a colleague's. They only read it: removing an entry or
 * answering an offer stays with the secretariat (and the patient).
 */
@QuarkusTest
@WithTestResource(value = PostgresAndKeysResource.class, scope = TestResourceScope.GLOBAL)
class PractitionerWaitlistTest {
    private static final String PHONE = "+33611223344";

    @Inject
    Fixtures fx;

    @Test
    void aPractitionerSeesTheEntriesThatMayGetTheirSlotsButNotAColleagues() {
        BookingWorld w = new BookingWorld(fx);
        long mine = joined(w, entry(w.phoneCaller(), w.practitionerId, w.motive15, w.monday, w.monday));
        long anyone = joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));
        long colleagues = joined(w, entry(w.phoneCaller(), w.colleagueId, w.motive15, w.monday, w.monday));

        assertThat(list(w.secretary, w.practiceId).getList("id", Long.class)).containsExactly(mine, anyone, colleagues);
        JsonPath own = list(w.practitioner, w.practiceId);
        assertThat(own.getList("id", Long.class)).containsExactly(mine, anyone);
        assertThat(own.getList("practitionerId", Long.class)).containsExactly(w.practitionerId, null);
        assertThat(own.getString("[0].patientName")).isNotBlank();
        assertThat(own.getString("[0].motiveLabelFr")).isNotBlank();
        assertThat(list(w.colleague, w.practiceId).getList("id", Long.class)).containsExactly(anyone, colleagues);

        // a slot of theirs freed: they see which of their patients hold the offer, and until when
        Instant slot = w.at("09:00");
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, slot, 15, AppointmentStatus.BOOKED);
        cancel(w, appointment).then().statusCode(200);
        JsonPath offered = list(w.practitioner, w.practiceId);
        assertThat(offered.getList("offerId")).doesNotContainNull();
        assertThat(Instant.parse(offered.getString("[0].offerStart"))).isEqualTo(slot);
        assertThat(offered.getString("[0].offerExpiresAt")).isNotNull();
    }

    @Test
    void thePractitionersViewCarriesNoContactDetail() {
        BookingWorld w = new BookingWorld(fx);
        long patient = fx.patient(Fixtures.unique("Roux"), "Hugo", java.time.LocalDate.of(2001, 7, 30), PHONE, null);
        String email = Fixtures.unique("hugo") + "@example.org";
        fx.update("UPDATE patient SET email = ? WHERE id = ?", email, patient);
        fx.knownTo(w.practiceId, patient);
        joined(w, entry(patient, w.practitionerId, w.motive15, w.monday, w.monday));

        String body = given().header("Authorization", w.practitioner.bearer())
                .get("/api/practices/{id}/waitlist", w.practiceId).then().statusCode(200).extract().asString();
        assertThat(body).contains("Hugo").doesNotContain(PHONE).doesNotContain(email).doesNotContain("2001-07-30");
    }

    @Test
    void anotherPracticesPractitionerGetsNotFound() {
        BookingWorld w = new BookingWorld(fx);
        BookingWorld other = new BookingWorld(fx);
        joined(w, entry(w.phoneCaller(), null, w.motive15, w.monday, w.monday));

        assertThat(list(other.practitioner, w.practiceId, 404).getString("code")).isEqualTo("not_found");
        assertThat(list(w.practitioner, other.practiceId, 404).getString("code")).isEqualTo("not_found");
        assertThat(list(w.practitioner, Long.MAX_VALUE, 404).getString("code")).isEqualTo("not_found");
    }

    @Test
    void aPractitionerCannotRemoveAnEntryNorAnswerItsOffer() {
        BookingWorld w = new BookingWorld(fx);
        Instant slot = w.at("10:00");
        long appointment = w.appointment(w.phoneCaller(), w.practitionerId, slot, 15, AppointmentStatus.BOOKED);
        long entry = joined(w, entry(w.phoneCaller(), w.practitionerId, w.motive15, w.monday, w.monday));
        cancel(w, appointment).then().statusCode(200);
        long offer = fx.queryLong("SELECT id FROM waitlist_offer WHERE entry_id = ?", entry);

        assertThat(delete(w.practitioner, entry).statusCode()).isEqualTo(403);
        assertThat(claim(w.practitioner, offer).statusCode()).isEqualTo(403);
        assertThat(decline(w.practitioner, offer).statusCode()).isEqualTo(403);

        // nothing moved: the entry waits with its offer open, the slot still free
        assertThat(fx.queryString("SELECT status FROM waitlist_entry WHERE id = ?", entry)).isEqualTo("OPEN");
        assertThat(fx.queryString("SELECT status FROM waitlist_offer WHERE id = ?", offer)).isEqualTo("OPEN");
        assertThat(w.liveAppointments(w.practitionerId, slot, slot.plusSeconds(900))).isZero();
        assertThat(list(w.practitioner, w.practiceId).getList("id", Long.class)).containsExactly(entry);
        // the secretariat still can
        delete(w.secretary, entry).then().statusCode(204);
        assertThat(list(w.practitioner, w.practiceId).getList("id")).isEmpty();
    }

    private static JsonPath list(Actor actor, long practiceId) {
        return list(actor, practiceId, 200);
    }

    private static JsonPath list(Actor actor, long practiceId, int status) {
        return given().header("Authorization", actor.bearer()).get("/api/practices/{id}/waitlist", practiceId)
                .then().statusCode(status).extract().jsonPath();
    }

    private static Response decline(Actor actor, long offerId) {
        Response r = given().header("Authorization", actor.bearer()).post("/api/waitlist/offers/{id}/decline", offerId);
        r.then().extract();
        return r;
    }
}
