package fr.creneau.backend.waitlist;

import fr.creneau.backend.appointment.BookingWorld;
import fr.creneau.backend.support.Fixtures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The waitlist offer rows the waitlist tests assert on, read straight from the database. */
@ApplicationScoped
public class OfferRows {
    @Inject
    Fixtures fx;

    /** Entries of this world holding an open offer, by rank. */
    List<Long> open(BookingWorld w) {
        return fx.queryLongs("SELECT entry_id FROM waitlist_offer WHERE practice_id = ? AND status = 'OPEN'"
                + " ORDER BY round_id, rank", w.practiceId);
    }

    /** How many offers the entry has had. */
    long offered(long entryId) {
        return fx.queryLong("SELECT count(*) FROM waitlist_offer WHERE entry_id = ?", entryId);
    }

    /** The entry's latest offer. */
    long offerOf(long entryId) {
        return fx.queryLong("SELECT max(id) FROM waitlist_offer WHERE entry_id = ?", entryId);
    }

    String status(long offerId) {
        return fx.queryString("SELECT status FROM waitlist_offer WHERE id = ?", offerId);
    }
}
