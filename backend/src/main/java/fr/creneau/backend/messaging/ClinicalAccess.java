package fr.creneau.backend.messaging;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.rules.Role;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may read a request's clinical content. Practitioners and the practice admin of its practice may; a
 * secretary may when the practice granted it to them, and always for the memos they wrote themselves. (The
 * patient's own access is checked by ownership, in {@link MessagingService}.)
 */
@ApplicationScoped
public class ClinicalAccess {
    @Inject
    CurrentUser user;

    /** Whether the staff caller holds practice-wide clinical access. Call inside a session. */
    public Uni<Boolean> practiceWide(long practiceId) {
        if (!user.isStaffOf(practiceId)) {
            return Uni.createFrom().item(false);
        }
        Role role = user.role();
        if (role == Role.PRACTITIONER || role == Role.PRACTICE_ADMIN) {
            return Uni.createFrom().item(true);
        }
        return ClinicalGrant.count("practiceId = ?1 and accountId = ?2", practiceId, user.accountId()).map(n -> n > 0);
    }

    public boolean canSee(PatientRequest r, boolean practiceWide) {
        return practiceWide || (user.isStaffOf(r.practiceId) && r.authorAccountId != null
                && r.authorAccountId == user.accountId());
    }
}
