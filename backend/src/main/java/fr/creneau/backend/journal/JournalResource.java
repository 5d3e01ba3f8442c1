package fr.creneau.backend.journal;

import fr.creneau.backend.platform.Params;
import fr.creneau.model.api.JournalEntryDto;
import fr.creneau.model.api.JournalVerifyDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;

@Path("/api/practices/{practiceId}/journal")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("PRACTICE_ADMIN")
@Cancellable(false)
public class JournalResource {
    @Inject
    JournalService service;

    @GET
    public Uni<List<JournalEntryDto>> list(@PathParam("practiceId") long practiceId, @QueryParam("beforeId") String beforeId,
                                           @QueryParam("limit") String limit) {
        return service.list(practiceId, Params.optionalId("beforeId", beforeId),
                Params.optionalInt("limit", limit, 100, 1, 1000));
    }

    @GET
    @Path("/verify")
    public Uni<JournalVerifyDto> verify(@PathParam("practiceId") long practiceId) {
        return service.verify(practiceId);
    }
}
