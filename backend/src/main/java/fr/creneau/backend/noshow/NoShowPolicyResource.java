package fr.creneau.backend.noshow;

import fr.creneau.backend.appointment.Caller;
import fr.creneau.backend.journal.Journal;
import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.api.NoShowPolicyDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The practice's no-show rule; its staff read it on GET /api/practices/{id}. */
@Path("/api/practices/{id}/no-show-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class NoShowPolicyResource {
    @Inject
    NoShowService service;

    @Inject
    Journal journal;

    @Inject
    CurrentUser user;

    @PUT
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<NoShowPolicyDto> policy(@PathParam("id") long practiceId, NoShowPolicyDto dto) {
        return service.setPolicy(Caller.of(user), journal.currentActor(), practiceId, dto);
    }
}
