package fr.creneau.backend.notification;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.Params;
import fr.creneau.model.api.NotificationInboxDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The signed-in patient's notification inbox: their own and their relatives' notifications, newest first. */
@Path("/api/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("PATIENT")
@Cancellable(false)
public class NotificationInboxResource {
    @Inject
    CurrentUser user;

    @Inject
    NotificationInboxService service;

    @GET
    public Uni<NotificationInboxDto> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return service.list(user.patientId(), Params.optionalInt("limit", limit, NotificationInboxService.DEFAULT_PAGE, 1,
                NotificationInboxService.MAX_PAGE), Params.optionalInt("offset", offset, 0, 0, NotificationInboxService.MAX_OFFSET));
    }

    @POST
    @Path("/{id}/read")
    public Uni<Response> read(@PathParam("id") long id) {
        return service.markRead(user.patientId(), id).map(v -> Response.noContent().build());
    }
}
