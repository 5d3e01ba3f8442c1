package fr.creneau.backend.schedule;

import fr.creneau.backend.live.LiveEvents;
import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.Params;
import fr.creneau.model.api.AbsenceDto;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.OpeningRangeDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;
import java.util.Map;

/**
 * Opening ranges, urgency releases and absences: staff of the practitioner's practice only. Deleting is for
 * the practitioner and the admin (see docs/api-contract.md); the object-level checks live in AgendaService.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"PRACTITIONER", "SECRETARY", "PRACTICE_ADMIN"})
@Cancellable(false)
public class ScheduleResource {
    @Inject
    AgendaService agenda;

    @Inject
    CurrentUser user;

    @Inject
    LiveEvents live;

    @GET
    @Path("/practitioners/{id}/opening-ranges")
    public Uni<List<OpeningRangeDto>> ranges(@PathParam("id") long practitionerId) {
        return agenda.ranges(practitionerId);
    }

    @POST
    @Path("/practitioners/{id}/opening-ranges")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> createRange(@PathParam("id") long practitionerId, OpeningRangeDto body) {
        Long practiceId = user.practiceId();
        return agenda.createRange(practitionerId, body == null ? new OpeningRangeDto() : body)
                .invoke(r -> changed(practiceId, r.practitionerId))
                .map(r -> Response.status(201).entity(r).build());
    }

    @DELETE
    @Path("/opening-ranges/{id}")
    @RolesAllowed({"PRACTITIONER", "PRACTICE_ADMIN"})
    public Uni<Response> deleteRange(@PathParam("id") long rangeId) {
        Long practiceId = user.practiceId();
        return agenda.deleteRange(rangeId).invoke(p -> changed(practiceId, p)).map(v -> Response.noContent().build());
    }

    @POST
    @Path("/opening-ranges/{id}/release")
    public Uni<Response> release(@PathParam("id") long rangeId, @QueryParam("date") String date) {
        Long practiceId = user.practiceId();
        return agenda.release(rangeId, Params.date("date", date, true)).invoke(p -> changed(practiceId, p))
                .map(v -> Response.noContent().build());
    }

    @GET
    @Path("/practitioners/{id}/absences")
    public Uni<List<AbsenceDto>> absences(@PathParam("id") long practitionerId, @QueryParam("from") String from,
                                          @QueryParam("to") String to) {
        return agenda.absences(practitionerId, Params.date("from", from, false), Params.date("to", to, false));
    }

    @POST
    @Path("/practitioners/{id}/absences/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<List<AppointmentDto>> preview(@PathParam("id") long practitionerId, AbsenceDto body) {
        return agenda.preview(practitionerId, body == null ? new AbsenceDto() : body);
    }

    @POST
    @Path("/practitioners/{id}/absences")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> createAbsence(@PathParam("id") long practitionerId, AbsenceDto body) {
        Long practiceId = user.practiceId();
        return agenda.createAbsence(practitionerId, body == null ? new AbsenceDto() : body)
                .invoke(a -> changed(practiceId, a.practitionerId))
                .map(a -> Response.status(201).entity(a).build());
    }

    @DELETE
    @Path("/absences/{id}")
    @RolesAllowed({"PRACTITIONER", "PRACTICE_ADMIN"})
    public Uni<Response> deleteAbsence(@PathParam("id") long absenceId) {
        Long practiceId = user.practiceId();
        return agenda.deleteAbsence(absenceId).invoke(p -> changed(practiceId, p)).map(v -> Response.noContent().build());
    }

    /**
     * After the service's transaction committed (its {@code @WithTransaction} Uni has completed): the practice's
     * open agendas refetch. The caller is staff of the practitioner's practice, or the service refused.
     */
    private void changed(Long practiceId, Long practitionerId) {
        if (practiceId == null || practitionerId == null) {
            return;
        }
        live.publish(practiceId, LiveEvents.AGENDA_CHANGED, Map.of("practitionerId", practitionerId));
    }
}
