package fr.creneau.backend.journal;

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

import java.util.List;

@Path("/api/practices/{practiceId}/journal")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("PRACTICE_ADMIN")
public class JournalResource {
    @Inject
    JournalService service;

    @GET
    public Uni<List<JournalEntryDto>> list(@PathParam("practiceId") long practiceId, @QueryParam("beforeId") Long beforeId,
                                           @QueryParam("limit") @DefaultValue("100") int limit) {
        return service.list(practiceId, beforeId, limit);
    }

    @GET
    @Path("/verify")
    public Uni<JournalVerifyDto> verify(@PathParam("practiceId") long practiceId) {
        return service.verify(practiceId);
    }
}
