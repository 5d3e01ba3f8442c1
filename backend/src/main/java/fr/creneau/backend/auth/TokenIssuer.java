package fr.creneau.backend.auth;

import fr.creneau.backend.platform.CurrentUser;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/** Signs the short-lived RS256 access token that carries who the caller is and which objects are theirs. */
@ApplicationScoped
public class TokenIssuer {
    @ConfigProperty(name = "smallrye.jwt.new-token.lifespan")
    long lifespanSeconds;

    public String accessToken(Account account) {
        JwtClaimsBuilder claims = Jwt.subject(account.id.toString())
                .upn(account.email)
                .groups(Set.of(account.role.name()));
        if (account.practiceId != null) {
            claims.claim(CurrentUser.CLAIM_PRACTICE, account.practiceId);
        }
        if (account.practitionerId != null) {
            claims.claim(CurrentUser.CLAIM_PRACTITIONER, account.practitionerId);
        }
        if (account.patientId != null) {
            claims.claim(CurrentUser.CLAIM_PATIENT, account.patientId);
        }
        return claims.sign();
    }

    public long lifespanSeconds() {
        return lifespanSeconds;
    }
}
