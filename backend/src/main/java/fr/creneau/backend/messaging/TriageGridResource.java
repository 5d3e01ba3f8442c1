package fr.creneau.backend.messaging;

import fr.creneau.model.api.TriageGridDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;


/** A practice's triage grid, public so the app can triage before a patient signs in. */
@Path("/api/practices/{practiceId}/triage-grid")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class TriageGridResource {
    @Inject
    TriageGrids grids;

    @GET
    @PermitAll
    public Uni<TriageGridDto> grid(@PathParam("practiceId") long practiceId) {
        return grids.describe(practiceId);
    }
}
