package fr.creneau.backend.auth;

import fr.creneau.model.api.StaffAccountRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/practices/{practiceId}/staff")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class StaffResource {

    @Inject
    AccountService accounts;

    @POST
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<Response> create(@PathParam("practiceId") long practiceId, StaffAccountRequest request) {
        return accounts.createStaff(practiceId, AuthResource.body(request))
                .map(a -> Response.status(Response.Status.CREATED).entity(a).build());
    }
}
