package fr.creneau.backend.auth;

import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.DeviceTokenRequest;
import fr.creneau.model.api.PatientDto;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/me")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class MeResource {

    @Inject
    AccountService accounts;

    @GET
    public Uni<AccountDto> me() {
        return accounts.me();
    }

    @POST
    @Path("relatives")
    @RolesAllowed("PATIENT")
    public Uni<Response> addRelative(PatientDto request) {
        return accounts.addRelative(AuthResource.body(request))
                .map(p -> Response.status(Response.Status.CREATED).entity(p).build());
    }

    @POST
    @Path("devices")
    public Uni<Response> registerDevice(DeviceTokenRequest request) {
        return accounts.registerDevice(AuthResource.body(request)).map(v -> Response.noContent().build());
    }
}
