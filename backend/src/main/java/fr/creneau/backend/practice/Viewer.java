package fr.creneau.backend.practice;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.rules.Role;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Who is looking, read once at the start of a request. Public endpoints run with lazy authentication on the IO
 * thread, where the identity must be resolved asynchronously before {@link CurrentUser} can be read; and the
 * reactive chain that follows should not reach back into request-scoped beans.
 */
public record Viewer(Role role, Long accountId, Long practiceId, Long practitionerId) {
    public static final Viewer ANONYMOUS = new Viewer(null, null, null, null);

    /** Resolves the caller's identity without blocking, then reads it. */
    public static Uni<Viewer> resolve(CurrentIdentityAssociation identities, CurrentUser user) {
        return identities.getDeferredIdentity().map(identity -> identity.isAnonymous() ? ANONYMOUS : of(user));
    }

    /** For endpoints whose identity is already resolved (those with a role check). */
    public static Viewer of(CurrentUser user) {
        if (user.isAnonymous()) {
            return ANONYMOUS;
        }
        return new Viewer(user.role(), user.accountId(), user.practiceId(), user.practitionerId());
    }

    public boolean isStaff() {
        return role != null && role.isStaff();
    }

    public boolean isStaffOf(Long otherPracticeId) {
        return isStaff() && practiceId != null && practiceId.equals(otherPracticeId);
    }
}
