package fr.creneau.backend.live;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.rules.Role;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The practice's live updates for its staff, over Server-Sent Events. Each event is named by its type and carries
 * a {@link LiveEvent} as JSON. Browsers' EventSource cannot set headers, so the access token may also come as
 * {@code ?access_token=}; it is verified exactly like a bearer token (same keys, issuer, audience, expiry).
 */
@Path("/api/practices/{practiceId}/events")
public class LiveResource {
    static final Duration HEARTBEAT = Duration.ofSeconds(20);

    @Inject
    CurrentUser user;

    @Inject
    JWTParser parser;

    @Inject
    LiveEvents live;

    @Inject
    JsonWebToken bearer;

    @GET
    @PermitAll
    // on a worker thread: authorization resolves the caller's identity (and may parse a token) before streaming
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@PathParam("practiceId") long practiceId,
                                          @QueryParam("access_token") String accessToken, @Context Sse sse) {
        Instant expiresAt = authorize(practiceId, accessToken);
        // the stream ends when the token does: a revoked or departed staff member stops hearing the practice, and
        // the app reconnects with a fresh token
        Duration left = Duration.between(Instant.now(), expiresAt);
        LiveEvent ready = new LiveEvent(0, LiveEvents.READY, practiceId, Instant.now().toString(), Map.of());
        // the practice's stream is subscribed before READY goes out, so nothing published after READY is missed
        return Multi.createBy().merging().streams(
                live.stream(practiceId).map(e -> event(sse, e)),
                Multi.createFrom().item(event(sse, ready)),
                Multi.createFrom().ticks().every(HEARTBEAT).map(t -> sse.newEventBuilder().comment("keep-alive").build()))
                .select().first(left.isNegative() ? Duration.ZERO : left);
    }

    private static OutboundSseEvent event(Sse sse, LiveEvent e) {
        return sse.newEventBuilder().id(Long.toString(e.id())).name(e.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(LiveEvent.class, e).build();
    }

    /** Staff of this practice only; anyone else is told nothing exists here. Answers when the token expires. */
    private Instant authorize(long practiceId, String accessToken) {
        if (!user.isAnonymous()) {
            if (!user.isStaffOf(practiceId)) {
                throw ProblemException.notFound("Practice");
            }
            return Instant.ofEpochSecond(bearer.getExpirationTime());
        }
        if (accessToken == null || accessToken.isBlank()) {
            throw new UnauthorizedException();
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(accessToken);
        } catch (ParseException e) {
            throw new UnauthorizedException();
        }
        boolean staff = jwt.getGroups() != null && jwt.getGroups().stream()
                .anyMatch(g -> !Role.PATIENT.name().equals(g) && isRole(g));
        Object practice = jwt.getClaim(CurrentUser.CLAIM_PRACTICE);
        if (!staff || practice == null || !Long.toString(practiceId).equals(practice.toString())) {
            throw ProblemException.notFound("Practice");
        }
        return Instant.ofEpochSecond(jwt.getExpirationTime());
    }

    private static boolean isRole(String name) {
        for (Role r : Role.values()) {
            if (r.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
