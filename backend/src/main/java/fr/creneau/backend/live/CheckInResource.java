package fr.creneau.backend.live;

import fr.creneau.backend.appointment.AppointmentService;
import fr.creneau.backend.appointment.Caller;
import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.api.AppointmentDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Patient check-in; the practice's staff see the arrival live. The rules (own or relative, on the day, state
 * machine) and the live event are the appointment service's.
 */
@Path("/api/appointments/{id}/check-in")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class CheckInResource {
    @Inject
    AppointmentService appointments;

    @Inject
    CurrentUser user;

    @POST
    @RolesAllowed("PATIENT")
    public Uni<AppointmentDto> checkIn(@PathParam("id") long id) {
        return appointments.checkIn(Caller.of(user), id);
    }
}
