package fr.creneau.backend.messaging;

import fr.creneau.model.api.ClinicalGrantDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;

/** Which secretaries may read requests' clinical content: the practice admin decides. */
@Path("/api/practices/{practiceId}/clinical-grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class ClinicalGrantResource {
    @Inject
    MessagingService service;

    @GET
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<List<ClinicalGrantDto>> grants(@PathParam("practiceId") long practiceId) {
        return service.grants(practiceId);
    }

    /** No body, so any content type or none: the app's HTTP stack labels a bodiless request as a form (else 415). */
    @PUT
    @Path("/{accountId}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<Response> grant(@PathParam("practiceId") long practiceId, @PathParam("accountId") long accountId) {
        return service.grant(practiceId, accountId).map(v -> Response.noContent().build());
    }

    /** No body, so any content type or none: the app's HTTP stack labels a bodiless request as a form (else 415). */
    @DELETE
    @Path("/{accountId}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<Response> revoke(@PathParam("practiceId") long practiceId, @PathParam("accountId") long accountId) {
        return service.revoke(practiceId, accountId).map(v -> Response.noContent().build());
    }
}
