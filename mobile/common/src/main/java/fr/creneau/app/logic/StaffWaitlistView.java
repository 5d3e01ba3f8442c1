package fr.creneau.app.logic;

import fr.creneau.model.api.WaitlistEntryDto;

/**
 * What the practice's waitlist screen says about an entry, and how it words a refused action for the staff: the
 * server's error texts for the waitlist speak to the patient ("you stay on the waitlist"), the secretary needs the
 * same facts about the patient on the phone.
 */
public final class StaffWaitlistView {
    private StaffWaitlistView() {
    }

    /**
     * True while the entry's offer can still be accepted: the list came with one, and the screen has not stayed open
     * past its expiry (the server would answer 410).
     */
    public static boolean offerPending(WaitlistEntryDto e, long nowMillis) {
        if (e == null || e.offerId == null || e.offerExpiresAt == null) {
            return false;
        }
        return Instants.parse(e.offerExpiresAt) > nowMillis;
    }

    /** The message key for the entry's state. */
    public static String stateKey(WaitlistEntryDto e, long nowMillis) {
        return offerPending(e, nowMillis) ? "staffWaitlist.offerPending" : "staffWaitlist.waiting";
    }

    /**
     * The staff's wording of a refused accept or removal, or null to use the general error text (network, session,
     * server failures).
     */
    public static String errorKey(int status, String code) {
        if ("offer_expired".equals(code) || status == 410) {
            return "staffWaitlist.offerExpired";
        }
        if ("slot_taken".equals(code)) {
            return "staffWaitlist.slotTaken";
        }
        if ("offer_declined".equals(code)) {
            return "staffWaitlist.offerDeclined";
        }
        if (status == 404) {
            return "staffWaitlist.gone";
        }
        return null;
    }
}
