package fr.creneau.backend.noshow;

import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.rules.Channel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The practice's no-show rule, the one place it is enforced: once a patient reached the practice's number of
 * unexcused no-shows, their online bookings there (by themselves, or for them by the holder of their account) are
 * refused; the secretariat still books them by phone or at the desk, where someone can talk it through.
 */
@ApplicationScoped
public class NoShowPolicy {
    @Inject
    NoShowRepository noShows;

    /** Joins the caller's session or transaction; one indexed query, and none at all for staff bookings. */
    public Uni<Void> requireMayBook(long practiceId, long patientId, Channel channel) {
        if (channel != Channel.ONLINE) {
            return Uni.createFrom().voidItem();
        }
        return noShows.standing(practiceId, patientId).invoke(standing -> {
            if (standing != null && standing.secretaryBookingRequired()) {
                throw ProblemException.unprocessable("secretary_booking_required",
                        "After missed appointments, this practice books you by phone: please call it at "
                                + standing.practicePhone());
            }
        }).replaceWithVoid();
    }
}
