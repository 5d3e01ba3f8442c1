package fr.creneau.backend.practice;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.rules.Role;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is looking, read once at the start of a request. Public endpoints run with lazy authentication on the IO
 * thread, where the identity must be resolved asynchronously before {@link CurrentUser} can be read; and the
 * reactive chain that follows should not reach back into request-scoped beans.
 */
public record Viewer(Role role, Long accountId, Long practiceId, Long practitionerId) {
    public static final Viewer ANONYMOUS = new Viewer(null, null, null, null);

    /**
     * Resolves the caller's identity without blocking, then reads it from the identity itself: under lazy
     * authentication the request-scoped identity that {@link CurrentUser} reads stays unresolved on the IO thread
     * even once the deferred identity has completed.
     */
    public static Uni<Viewer> resolve(CurrentIdentityAssociation identities) {
        return identities.getDeferredIdentity().map(Viewer::of);
    }

    static Viewer of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        Role role = null;
        for (Role r : Role.values()) {
            if (identity.hasRole(r.name())) {
                role = r;
            }
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || role == null) {
            return ANONYMOUS;
        }
        return new Viewer(role, Long.valueOf(jwt.getSubject()), claim(jwt, CurrentUser.CLAIM_PRACTICE),
                claim(jwt, CurrentUser.CLAIM_PRACTITIONER));
    }

    private static Long claim(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof jakarta.json.JsonNumber n) {
            return n.longValue();
        }
        return Long.valueOf(v.toString());
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
