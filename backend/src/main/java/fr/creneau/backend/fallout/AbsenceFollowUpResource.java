package fr.creneau.backend.fallout;

import fr.creneau.backend.appointment.Caller;
import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.api.AbsenceFollowUpDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

/**
 * The staff's side of the proposals after an absence: who still has to answer (patients without the app, or who
 * missed the notice, are called back), and the answer the patient gives on the phone.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"PRACTITIONER", "SECRETARY", "PRACTICE_ADMIN"})
@Cancellable(false)
public class AbsenceFollowUpResource {
    @Inject
    FalloutService service;

    @Inject
    CurrentUser user;

    /** Urgent motives first, then the earliest cancelled appointment; {@code state} filters (comma-separated). */
    @GET
    @Path("practices/{id}/absence-decisions")
    public Uni<List<AbsenceFollowUpDto>> list(@PathParam("id") long practiceId, @QueryParam("state") String state) {
        return service.followUp(Caller.of(user), practiceId, state);
    }

    /** 201 with the new appointment, booked by the staff for the patient who chose this slot on the phone. */
    @POST
    @Path("absence-decisions/{id}/proposals/{proposalId}/accept")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> accept(@PathParam("id") long decisionId, @PathParam("proposalId") long proposalId) {
        return service.acceptForPatient(Caller.of(user), decisionId, proposalId);
    }

    /** The patient, reached, wants none of the proposals: 200 with the decision, now DECLINED. */
    @POST
    @Path("absence-decisions/{id}/decline")
    @Consumes(MediaType.WILDCARD)
    public Uni<AbsenceFollowUpDto> decline(@PathParam("id") long decisionId) {
        return service.decline(Caller.of(user), decisionId);
    }
}
