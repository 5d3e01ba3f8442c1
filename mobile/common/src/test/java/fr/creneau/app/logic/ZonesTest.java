package fr.creneau.app.logic;

import fr.creneau.model.api.AppointmentDto;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A practice's times are shown in its own zone: a practice in Martinique is not shown in Paris time. */
class ZonesTest {
    private static AppointmentDto appointment(long id, String zone) {
        AppointmentDto a = new AppointmentDto();
        a.id = Long.valueOf(id);
        a.timezone = zone;
        return a;
    }

    @Test
    void aNotificationIsShownInItsAppointmentsPracticeZone() throws Exception {
        AppointmentZones zones = new AppointmentZones();
        zones.add(Arrays.asList(appointment(7, "America/Martinique"), appointment(8, "Europe/Paris")));
        assertEquals("America/Martinique", zones.of(7L));
        assertEquals("Europe/Paris", zones.of(8L));
        // about no appointment the list knows (a request, an older appointment): the patient's practice
        assertEquals("America/Martinique", zones.of(99L));
        assertEquals("America/Martinique", zones.of(null));
        DateText fr = new DateText(Bundles.texts("fr"), "fr");
        // sent at 12:00 UTC: 08:00 in Fort-de-France, not 13:00 as in Paris
        assertEquals("mardi 10 mars 2026 à 08:00", fr.dateTime("2026-03-10T12:00:00Z", zones.of(7L)));
    }

    @Test
    void withNoAppointmentTheZoneIsParis() {
        AppointmentZones zones = new AppointmentZones();
        zones.add(null);
        zones.add(Arrays.asList(appointment(1, null)));
        assertEquals(PracticeZones.DEFAULT, zones.of(1L));
    }

    @Test
    void thePracticesZoneIsKeptOncePerPractice() {
        Long practice = Long.valueOf(424242);
        assertNull(PracticeZones.known(practice));
        PracticeZones.remember(practice, "America/Martinique");
        assertEquals("America/Martinique", PracticeZones.known(practice));
        // Martinique's "today" starts four (five in summer) hours after Paris's: 02:00 UTC is still the evening before
        long lateEvening = Instants.parse("2026-03-10T02:00:00Z");
        assertEquals("2026-03-09", Instants.localDate(lateEvening, PracticeZones.known(practice)));
        assertEquals("2026-03-10", Instants.localDate(lateEvening, PracticeZones.DEFAULT));
        PracticeZones.forget(practice);
        assertNull(PracticeZones.known(practice));
    }
}
