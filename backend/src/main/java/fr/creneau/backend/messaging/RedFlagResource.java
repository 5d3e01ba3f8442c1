package fr.creneau.backend.messaging;

import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.triage.RedFlag;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.Cancellable;


/** The practice admin's own red flags. */
@Path("/api/practices/{practiceId}/red-flags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class RedFlagResource {
    @Inject
    TriageGrids grids;

    @POST
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<Response> addFlag(@PathParam("practiceId") long practiceId, RedFlag body) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "is required");
        }
        return grids.add(practiceId, body).map(f -> Response.status(201).entity(f).build());
    }

    /** No body, so any content type or none: the app's HTTP stack labels a bodiless request as a form (else 415). */
    @DELETE
    @Path("/{code}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<Response> removeFlag(@PathParam("practiceId") long practiceId, @PathParam("code") String code) {
        return grids.remove(practiceId, code).map(v -> Response.noContent().build());
    }
}
