package fr.creneau.backend.auth;

import fr.creneau.backend.platform.Problems;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that presents a bearer token must present a valid one, on public endpoints too: an expired or forged
 * token answers 401 problem+json instead of being quietly treated as anonymous, so the app knows to refresh.
 * A "Bearer" header with no token is refused too: it is a client bug, not an anonymous visit.
 * /api/auth/* is exempt, because a client refreshing its expired access token may still send it along.
 */
public class BearerTokenFilter {

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> rejectInvalidToken(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer", 0, 6)
                || request.getUriInfo().getPath().startsWith("/api/auth/")) {
            return Uni.createFrom().nullItem();
        }
        if (authorization.substring(6).isBlank()) {
            return Uni.createFrom().item(unauthorized());
        }
        return identities.getDeferredIdentity()
                .map(identity -> (Response) null)
                .onFailure().recoverWithItem(e -> unauthorized());
    }

    private static Response unauthorized() {
        return Problems.response(401, "unauthorized", "Sign in first: a valid access token is required");
    }
}
