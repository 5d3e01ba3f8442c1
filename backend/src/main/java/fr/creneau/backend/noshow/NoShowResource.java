package fr.creneau.backend.noshow;

import fr.creneau.backend.appointment.AppointmentService;
import fr.creneau.backend.appointment.Caller;
import fr.creneau.backend.journal.Journal;
import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.NoShowExcuseRequest;
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

@Path("/api/appointments/{id}/no-show")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class NoShowResource {
    @Inject
    NoShowService service;

    @Inject
    AppointmentService appointments;

    @Inject
    Journal journal;

    @Inject
    CurrentUser user;

    /** Sets or clears "excused" on a NO_SHOW appointment; 422 not_a_no_show on any other status. */
    @PUT
    @RolesAllowed({"PRACTITIONER", "SECRETARY", "PRACTICE_ADMIN"})
    public Uni<AppointmentDto> excuse(@PathParam("id") long id, NoShowExcuseRequest request) {
        return service.excuse(Caller.of(user), journal.currentActor(), id, request)
                .invoke(dto -> appointments.announce(dto, false));
    }
}
