package fr.creneau.backend.notification;

import fr.creneau.model.api.ActionLinkDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The confirm/cancel links of reminders: no sign-in, the token is the authority. */
@Path("/api/links/{token}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Cancellable(false)
public class LinkResource {
    @Inject
    LinkService links;

    @GET
    public Uni<ActionLinkDto> view(@PathParam("token") String token) {
        return links.view(token);
    }

    @POST
    @Path("confirm")
    public Uni<ActionLinkDto> confirm(@PathParam("token") String token) {
        return links.confirm(token);
    }

    @POST
    @Path("cancel")
    public Uni<ActionLinkDto> cancel(@PathParam("token") String token) {
        return links.cancel(token);
    }
}
