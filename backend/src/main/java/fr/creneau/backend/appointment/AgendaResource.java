package fr.creneau.backend.appointment;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.api.AppointmentDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;

/** A practitioner's day or days, for the staff of their practice. */
@Path("/api/practitioners/{practitionerId}/agenda")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class AgendaResource {
    @Inject
    AppointmentService service;

    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({"PRACTITIONER", "SECRETARY", "PRACTICE_ADMIN"})
    public Uni<List<AppointmentDto>> agenda(@PathParam("practitionerId") long practitionerId,
                                            @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.agenda(Caller.of(user), practitionerId, from, to);
    }
}
