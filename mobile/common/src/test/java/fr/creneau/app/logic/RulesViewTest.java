package fr.creneau.app.logic;

import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.ProblemDetail;
import fr.creneau.model.api.SlotDto;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesViewTest {
    @Test
    void staffAreOfferedOnlyTheMovesTheSharedRulesAllow() {
        assertEquals(Arrays.asList(AppointmentStatus.CONFIRMED, AppointmentStatus.ARRIVED, AppointmentStatus.NO_SHOW),
                StatusView.staffMoves(AppointmentStatus.BOOKED, Role.PRACTITIONER));
        assertEquals(Collections.singletonList(AppointmentStatus.SEEN),
                StatusView.staffMoves(AppointmentStatus.ARRIVED, Role.SECRETARY));
        assertTrue(StatusView.staffMoves(AppointmentStatus.SEEN, Role.PRACTITIONER).isEmpty());
        assertTrue(StatusView.staffMoves(AppointmentStatus.BOOKED, Role.PATIENT).stream()
                .allMatch(s -> s == AppointmentStatus.CONFIRMED));
    }

    @Test
    void cancellationDependsOnWhoCancels() {
        assertEquals(AppointmentStatus.CANCELLED_BY_PATIENT, StatusView.cancelMove(AppointmentStatus.BOOKED, Role.PATIENT));
        assertEquals(AppointmentStatus.CANCELLED_BY_PRACTICE, StatusView.cancelMove(AppointmentStatus.CONFIRMED, Role.SECRETARY));
        assertNull(StatusView.cancelMove(AppointmentStatus.ARRIVED, Role.PATIENT));
        assertNull(StatusView.cancelMove(AppointmentStatus.CANCELLED_BY_PATIENT, Role.PRACTITIONER));
    }

    @Test
    void everyStateHasAWordAndAColourInBothLanguages() throws Exception {
        for (String lang : new String[]{"fr", "en"}) {
            Properties p = Bundles.load(lang);
            for (AppointmentStatus s : AppointmentStatus.values()) {
                assertTrue(p.containsKey(StatusView.labelKey(s)), lang + " " + s);
                assertTrue(StatusView.uiid(s).startsWith("Status"));
            }
        }
    }

    @Test
    void frenchAndEnglishBundlesHaveTheSameKeys() throws Exception {
        assertEquals(new TreeSet<>(Bundles.load("fr").stringPropertyNames()),
                new TreeSet<>(Bundles.load("en").stringPropertyNames()));
    }

    @Test
    void everyCodeAndFieldOfTheSharedValidatorsHasATextInBothLanguages() throws Exception {
        ServerCodes shared = ServerCodes.sharedModel();
        assertTrue(shared.codes.contains("invalid_date") && shared.fields.contains("since"), "the sources were read");
        assertTranslated(shared);
    }

    @Test
    void everyCodeAndFieldTheBackendAnswersHasATextInBothLanguages() throws Exception {
        ServerCodes backend = ServerCodes.backend();
        assertTrue(backend.codes.contains("patient_busy") && backend.codes.contains("in_absence")
                && backend.fields.contains("toDate"), "the sources were read");
        assertTranslated(backend);
    }

    private static void assertTranslated(ServerCodes c) throws Exception {
        for (String lang : new String[]{"fr", "en"}) {
            Properties p = Bundles.load(lang);
            TreeSet<String> missing = new TreeSet<>();
            for (String code : c.codes) {
                if (!p.containsKey("error." + code)) {
                    missing.add("error." + code);
                }
            }
            for (String field : c.fields) {
                if (!p.containsKey("field." + field)) {
                    missing.add("field." + field);
                }
            }
            assertEquals(new TreeSet<String>(), missing, "keys missing from messages_" + lang);
        }
    }

    @Test
    void wrongFieldsAreListedByTheirOwnNames() throws Exception {
        Texts fr = Bundles.texts("fr");
        ProblemDetail p = new ProblemDetail();
        p.code = "invalid_request";
        p.errors = new ArrayList<>();
        p.errors.add(new FieldError("answers.since", "invalid_date", "must be a date"));
        p.errors.add(new FieldError("decisions[0].action", "required", "is required"));
        assertEquals("Depuis le : date attendue, ex. 29/03/2026\nDécision : obligatoire", ErrorText.of(fr, 400, p));
        p.errors = null;
        assertEquals(fr.get("error.invalid_request"), ErrorText.of(fr, 400, p));
        assertEquals("toDate", ErrorText.fieldName("toDate"));
        assertEquals("decisions", ErrorText.fieldName("decisions[2]"));
    }

    @Test
    void errorsAreTranslatedByCodeThenByStatus() throws Exception {
        Texts fr = Bundles.texts("fr");
        ProblemDetail p = new ProblemDetail();
        p.code = "cancel_cutoff_passed";
        assertEquals(fr.get("error.cancel_cutoff_passed"), ErrorText.of(fr, 422, p));
        p.code = "something_new";
        assertEquals(fr.get("error.http422"), ErrorText.of(fr, 422, p));
        assertEquals(fr.get("error.network"), ErrorText.of(fr, 0, null));
        assertEquals(fr.get("error.http500"), ErrorText.of(fr, 503, null));
        ProblemDetail v = new ProblemDetail();
        v.errors = new ArrayList<>();
        v.errors.add(new FieldError("birthDate", "invalid_date", "must be a date"));
        assertEquals("Date de naissance : date attendue, ex. 29/03/2026", ErrorText.of(fr, 400, v));
    }

    @Test
    void blocksCoverADayOrAHalfDayInThePracticeZone() {
        assertArrayEquals(new String[]{"2026-03-30T22:00:00Z", "2026-03-31T22:00:00Z"},
                BlockRange.of(BlockRange.DAY, "2026-03-31", null, null, "Europe/Paris"));
        assertArrayEquals(new String[]{"2026-03-30T22:00:00Z", "2026-03-31T11:00:00Z"},
                BlockRange.of(BlockRange.MORNING, "2026-03-31", null, null, "Europe/Paris"));
        assertArrayEquals(new String[]{"2026-01-15T12:00:00Z", "2026-01-15T23:00:00Z"},
                BlockRange.of(BlockRange.AFTERNOON, "2026-01-15", null, null, "Europe/Paris"));
        assertArrayEquals(new String[]{"2026-01-15T07:00:00Z", "2026-01-15T09:30:00Z"},
                BlockRange.of(BlockRange.RANGE, "2026-01-15", "08:00", "10:30", "Europe/Paris"));
        assertNull(BlockRange.of(BlockRange.RANGE, "2026-01-15", "10:30", "08:00", "Europe/Paris"));
        assertNull(BlockRange.of(BlockRange.DAY, "15/01/2026", null, null, "Europe/Paris"));
    }

    @Test
    void slotsAreGroupedByLocalDayInOrder() {
        List<SlotDto> slots = new ArrayList<>();
        for (String s : new String[]{"2026-03-31T08:00:00Z", "2026-03-30T22:30:00Z", "2026-03-31T07:00:00Z", "2026-04-02T07:00:00Z"}) {
            SlotDto d = new SlotDto();
            d.start = s;
            slots.add(d);
        }
        SlotDays days = new SlotDays(slots, "Europe/Paris");
        List<SlotDto> tue = days.slotsOn("2026-03-31");
        assertEquals(3, tue.size()); // 22:30Z on the 30th is 00:30 on the 31st in Paris
        assertEquals("2026-03-30T22:30:00Z", tue.get(0).start);
        assertEquals("2026-03-31T08:00:00Z", tue.get(2).start);
        assertEquals("2026-04-02", days.firstDayWithSlotsFrom("2026-04-01"));
        assertNull(days.firstDayWithSlotsFrom("2026-04-03"));
    }

    @Test
    void agendaDaysUseEachAppointmentsZone() {
        AppointmentDto a = new AppointmentDto();
        a.start = "2026-03-30T22:30:00Z";
        a.timezone = "Europe/Paris";
        AgendaDays d = new AgendaDays(Collections.singletonList(a), "UTC");
        assertEquals(1, d.on("2026-03-31").size());
        assertEquals(0, d.on("2026-03-30").size());
    }

    @Test
    void templatesFillPlaceholders() {
        assertEquals("Bonjour Camille, 3 h", Strings.fill("Bonjour {0}, {1} h", "Camille", 3));
        assertEquals("a  b", Strings.fill("a {0} b"));
    }

    @Test
    void checkInOnlyOnTheAppointmentsDayInThePracticeZone() {
        // 23:30 in Paris on 23 Nov 2026 is 22:30 UTC: the same day in Paris as a 10:00 appointment
        long lateEvening = Instants.parse("2026-11-23T22:30:00Z");
        assertTrue(StatusView.canCheckIn(AppointmentStatus.BOOKED, "2026-11-23T09:00:00Z", lateEvening, "Europe/Paris"));
        assertTrue(StatusView.canCheckIn(AppointmentStatus.CONFIRMED, "2026-11-23T09:00:00Z", lateEvening, null));
        // 00:30 in Paris on the 24th is still the 23rd in UTC: not the day any more
        long afterMidnight = Instants.parse("2026-11-23T23:30:00Z");
        assertTrue(!StatusView.canCheckIn(AppointmentStatus.BOOKED, "2026-11-23T09:00:00Z", afterMidnight, "Europe/Paris"));
        assertTrue(!StatusView.canCheckIn(AppointmentStatus.BOOKED, "2026-11-24T09:00:00Z", lateEvening, "Europe/Paris"));
        assertTrue(!StatusView.canCheckIn(AppointmentStatus.ARRIVED, "2026-11-23T09:00:00Z", lateEvening, "Europe/Paris"));
        assertTrue(!StatusView.canCheckIn(AppointmentStatus.CANCELLED_BY_PATIENT, "2026-11-23T09:00:00Z", lateEvening, "Europe/Paris"));
    }
}
