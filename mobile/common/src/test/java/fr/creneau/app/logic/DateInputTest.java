package fr.creneau.app.logic;

import fr.creneau.model.rules.TimeText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class DateInputTest {
    @Test
    void readsDayFirstDatesAsFrenchPeopleTypeThem() {
        assertEquals("1985-03-12", DateInput.toIso("12/03/1985"));
        assertEquals("1985-03-12", DateInput.toIso(" 12/3/1985 "));
        assertEquals("1985-03-02", DateInput.toIso("2.3.1985"));
        assertEquals("1985-03-12", DateInput.toIso("12-03-1985"));
        assertEquals("1985-03-12", DateInput.toIso("12 03 1985"));
        assertEquals("1985-03-12", DateInput.toIso("12031985"));
    }

    @Test
    void keepsIsoDates() {
        assertEquals("2026-12-07", DateInput.toIso("2026-12-07"));
        assertEquals("2026-02-03", DateInput.toIso("2026-2-3"));
    }

    @Test
    void leavesWhatItCannotReadForTheValidatorToReport() {
        assertEquals("12/03/85", DateInput.toIso("12/03/85"));
        assertEquals("demain", DateInput.toIso(" demain "));
        assertEquals("12/03/1985/1", DateInput.toIso("12/03/1985/1"));
        assertEquals("12//1985", DateInput.toIso("12//1985"));
        assertEquals("", DateInput.toIso("  "));
        assertNull(DateInput.toIso(null));
        // read as a date, then refused by the shared rule: there is no 31 February
        assertEquals("2026-02-31", DateInput.toIso("31/02/2026"));
        assertFalse(TimeText.isDate(DateInput.toIso("31/02/2026")));
    }

    @Test
    void showsIsoDatesDayFirstAndRoundTrips() {
        assertEquals("07/12/2026", DateInput.display("2026-12-07"));
        assertEquals("2026-12-07", DateInput.toIso(DateInput.display("2026-12-07")));
        assertEquals("", DateInput.display(null));
        assertEquals("abc", DateInput.display("abc"));
    }
}
