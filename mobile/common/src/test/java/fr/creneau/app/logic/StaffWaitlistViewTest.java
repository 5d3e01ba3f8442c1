package fr.creneau.app.logic;

import fr.creneau.model.api.WaitlistEntryDto;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaffWaitlistViewTest {
    private static final long NOW = Instants.parse("2026-03-02T09:00:00Z");

    @Test
    void anOfferIsPendingUntilItsExpiryOnly() {
        WaitlistEntryDto waiting = new WaitlistEntryDto();
        assertFalse(StaffWaitlistView.offerPending(waiting, NOW));
        assertEquals("staffWaitlist.waiting", StaffWaitlistView.stateKey(waiting, NOW));

        WaitlistEntryDto offered = new WaitlistEntryDto();
        offered.offerId = 7L;
        offered.offerStart = "2026-03-04T10:00:00Z";
        offered.offerExpiresAt = "2026-03-02T09:30:00Z";
        assertTrue(StaffWaitlistView.offerPending(offered, NOW));
        assertEquals("staffWaitlist.offerPending", StaffWaitlistView.stateKey(offered, NOW));
        // the screen stayed open past the expiry: nothing left to accept
        assertFalse(StaffWaitlistView.offerPending(offered, Instants.parse("2026-03-02T09:30:00Z")));
        assertEquals("staffWaitlist.waiting", StaffWaitlistView.stateKey(offered, NOW + 31 * Instants.MINUTE));
    }

    @Test
    void refusalsAreWordedForTheStaffAndOtherFailuresKeepTheGeneralText() {
        assertEquals("staffWaitlist.offerExpired", StaffWaitlistView.errorKey(410, "offer_expired"));
        assertEquals("staffWaitlist.offerExpired", StaffWaitlistView.errorKey(410, null));
        assertEquals("staffWaitlist.slotTaken", StaffWaitlistView.errorKey(409, "slot_taken"));
        assertEquals("staffWaitlist.offerDeclined", StaffWaitlistView.errorKey(409, "offer_declined"));
        assertEquals("staffWaitlist.gone", StaffWaitlistView.errorKey(404, "not_found"));
        assertNull(StaffWaitlistView.errorKey(0, null));
        assertNull(StaffWaitlistView.errorKey(401, null));
        assertNull(StaffWaitlistView.errorKey(409, "patient_busy"));
        assertNull(StaffWaitlistView.errorKey(500, null));
    }

    @Test
    void everyKeyItUsesExistsInBothLanguages() throws Exception {
        String[] keys = {"staffWaitlist.offerPending", "staffWaitlist.waiting", "staffWaitlist.offerExpired",
                "staffWaitlist.slotTaken", "staffWaitlist.offerDeclined", "staffWaitlist.gone"};
        for (String lang : new String[] {"fr", "en"}) {
            java.util.Properties p = Bundles.load(lang);
            for (String k : keys) {
                assertTrue(p.containsKey(k), lang + " " + k);
            }
        }
    }
}
