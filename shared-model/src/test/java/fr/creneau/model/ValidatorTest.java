package fr.creneau.model;

import fr.creneau.model.api.BookingRequest;
import fr.creneau.model.api.OpeningRangeDto;
import fr.creneau.model.api.RegisterRequest;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.TimeText;
import fr.creneau.model.rules.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"+33612345678", "+14155552671", "+442071838750"})
    void acceptsE164(String phone) {
        assertThat(Validator.isE164(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0612345678", "+0612345678", "+33 6 12 34 56 78", "+336", "+3361234567890123", "+33abc45678", ""})
    void rejectsNonE164(String phone) {
        assertThat(Validator.isE164(phone)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.fr", "camille.durand+rdv@exemple.fr"})
    void acceptsEmails(String email) {
        assertThat(Validator.isEmail(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "@b.fr", "a@@b.fr", "a b@c.fr", "a@b..fr", "a@.fr", "a@b.f"})
    void rejectsNonEmails(String email) {
        assertThat(Validator.isEmail(email)).isFalse();
    }

    @Test
    void datesTimesAndInstants() {
        assertThat(TimeText.isDate("2024-02-29")).isTrue();
        assertThat(TimeText.isDate("2026-02-29")).isFalse();
        assertThat(TimeText.isDate("2026-13-01")).isFalse();
        assertThat(TimeText.isDate("2026-4-01")).isFalse();
        assertThat(TimeText.isTime("23:59")).isTrue();
        assertThat(TimeText.isTime("24:00")).isFalse();
        assertThat(TimeText.isInstant("2026-03-29T07:00:00Z")).isTrue();
        assertThat(TimeText.isInstant("2026-03-29T07:00Z")).isTrue();
        assertThat(TimeText.isInstant("2026-03-29T09:00:00.123+02:00")).isTrue();
        assertThat(TimeText.isInstant("2026-03-29T07:00:00")).isFalse();
        assertThat(TimeText.isInstant("2026-03-29 07:00:00Z")).isFalse();
        assertThat(TimeText.isInstant("2026-03-29T07:00:00Zjunk")).isFalse();
        assertThat(TimeText.minutesOfDay("08:30")).isEqualTo(510);
        assertThat(TimeText.hhmm(510)).isEqualTo("08:30");
    }

    @Test
    void registrationReportsEveryWrongField() {
        RegisterRequest r = new RegisterRequest();
        r.email = "nope";
        r.password = "short";
        r.firstName = " ";
        r.birthDate = "1985-02-30";
        r.phone = "0612345678";
        List<FieldError> errors = r.validate();
        assertThat(errors).extracting(e -> e.field + ":" + e.code).containsExactlyInAnyOrder(
                "email:invalid_email", "password:weak_password", "lastName:required", "firstName:required",
                "birthDate:invalid_date", "phone:invalid_phone");
    }

    @Test
    void bookingNeedsIdsAndAnInstant() {
        BookingRequest b = new BookingRequest();
        b.start = "tomorrow";
        assertThat(b.validate()).extracting(e -> e.field).containsExactlyInAnyOrder(
                "practitionerId", "motiveId", "patientId", "start");
    }

    @Test
    void openingRangeEndsAfterItStarts() {
        OpeningRangeDto r = new OpeningRangeDto();
        r.siteId = 1L;
        r.dayOfWeek = 8;
        r.start = "12:00";
        r.end = "08:00";
        assertThat(r.validate()).extracting(e -> e.field + ":" + e.code).contains(
                "end:end_before_start", "dayOfWeek:out_of_range", "motiveIds:required");
    }

    @Test
    void anOpeningRangeNamesAtMostAHundredMotives() {
        OpeningRangeDto r = new OpeningRangeDto();
        r.siteId = 1L;
        r.dayOfWeek = 1;
        r.start = "08:00";
        r.end = "12:00";
        r.motiveIds = new java.util.ArrayList<Long>();
        for (long id = 1; id <= OpeningRangeDto.MOTIVES_MAX; id++) {
            r.motiveIds.add(id);
        }
        assertThat(r.validate()).isEmpty();
        r.motiveIds.add(OpeningRangeDto.MOTIVES_MAX + 1L);
        assertThat(r.validate()).extracting(e -> e.field + ":" + e.code).containsExactly("motiveIds:too_many");
    }
}
