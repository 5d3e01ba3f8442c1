package fr.creneau.backend.schedule;

import fr.creneau.model.api.SlotDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/**
 * Test-only door to {@link ScheduleService#requireBookable}, the check the appointment package calls when it
 * books, so that the rule can be tested through a real session and database without depending on booking.
 */
@Path("/test-only/schedule/bookable")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class BookableProbeResource {
    @Inject
    ScheduleService schedule;

    @GET
    public Uni<SlotDto> check(@QueryParam("practitionerId") long practitionerId, @QueryParam("motiveId") long motiveId,
                              @QueryParam("start") String start, @QueryParam("staff") boolean staff) {
        return schedule.requireBookable(practitionerId, motiveId, Instant.parse(start), staff);
    }
}
