package fr.creneau.backend.fallout;

import fr.creneau.model.api.AbsenceFalloutDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The link in an absence notice: no sign-in, the single-use token is the authority. An unknown, used, expired or
 * confirm/cancel token answers 404 and nothing else.
 */
@Path("/api/absence-links/{token}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Cancellable(false)
public class AbsenceLinkResource {
    @Inject
    FalloutService service;

    @GET
    public Uni<AbsenceFalloutDto> view(@PathParam("token") String token) {
        return service.viewLink(token);
    }

    @POST
    @Path("proposals/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    public Uni<AbsenceFalloutDto> accept(@PathParam("token") String token, @PathParam("id") long proposalId) {
        return service.acceptByLink(token, proposalId);
    }
}
