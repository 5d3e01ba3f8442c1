package fr.creneau.backend.live;

import fr.creneau.model.api.AppointmentDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Patient check-in; the practice's staff see the arrival live. */
@Path("/api/appointments/{id}/check-in")
@Produces(MediaType.APPLICATION_JSON)
public class CheckInResource {
    @Inject
    CheckInService service;

    @Inject
    LiveEvents live;

    @POST
    @RolesAllowed("PATIENT")
    public Uni<AppointmentDto> checkIn(@PathParam("id") long id) {
        return service.checkIn(id).invoke(a -> live.publish(a.practiceId, LiveEvents.ARRIVAL,
                Map.of("appointmentId", a.id, "practitionerId", a.practitionerId, "status", a.status.name())));
    }
}
