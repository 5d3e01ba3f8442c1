package fr.creneau.backend.platform;

import fr.creneau.model.rules.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the verified access token. Object-level checks (which practice, which patient)
 * start here; a caller never names themselves in a request body.
 */
@RequestScoped
public class CurrentUser {
    public static final String CLAIM_PRACTICE = "practice_id";
    public static final String CLAIM_PRACTITIONER = "practitioner_id";
    public static final String CLAIM_PATIENT = "patient_id";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public long accountId() {
        requireSignedIn();
        return Long.parseLong(jwt.getSubject());
    }

    public Role role() {
        requireSignedIn();
        for (Role r : Role.values()) {
            if (identity.hasRole(r.name())) {
                return r;
            }
        }
        throw new io.quarkus.security.UnauthorizedException();
    }

    public boolean isStaff() {
        return !isAnonymous() && role().isStaff();
    }

    public Long practiceId() {
        return claim(CLAIM_PRACTICE);
    }

    public Long practitionerId() {
        return claim(CLAIM_PRACTITIONER);
    }

    public Long patientId() {
        return claim(CLAIM_PATIENT);
    }

    /** Staff of this practice, else the practice's objects do not exist for the caller. */
    public boolean isStaffOf(Long practiceId) {
        return isStaff() && practiceId != null && practiceId.equals(practiceId());
    }

    /** 404 rather than 403: a foreign practice's objects must not even be confirmed to exist. */
    public void requireStaffOf(Long practiceId, String what) {
        if (!isStaffOf(practiceId)) {
            throw ProblemException.notFound(what);
        }
    }

    private void requireSignedIn() {
        if (identity.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
    }

    private Long claim(String name) {
        if (identity.isAnonymous()) {
            return null;
        }
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
        return Long.parseLong(v.toString());
    }
}
