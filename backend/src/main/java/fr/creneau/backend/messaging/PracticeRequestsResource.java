package fr.creneau.backend.messaging;

import fr.creneau.backend.live.LiveEvents;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.api.PatientRequestDto;
import fr.creneau.model.triage.RequestStatus;
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

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A practice's structured requests: patients write them, the practice's staff read the inbox. */
@Path("/api/practices/{practiceId}/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class PracticeRequestsResource {
    @Inject
    MessagingService service;

    @Inject
    LiveEvents live;

    @POST
    @RolesAllowed("PATIENT")
    public Uni<Response> create(@PathParam("practiceId") long practiceId, PatientRequestDto body) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "is required");
        }
        return service.create(practiceId, body)
                .invoke(d -> live.publish(practiceId, LiveEvents.NEW_REQUEST,
                        Map.of("requestId", d.id, "priority", d.priority.name(), "type", d.type.name())))
                .map(d -> Response.status(201).entity(d).build());
    }

    /** The inbox; {@code status} may repeat (default: every open state). */
    @GET
    @RolesAllowed({"PRACTITIONER", "SECRETARY", "PRACTICE_ADMIN"})
    public Uni<List<PatientRequestDto>> inbox(@PathParam("practiceId") long practiceId, @QueryParam("status") List<String> status) {
        Set<RequestStatus> wanted = EnumSet.noneOf(RequestStatus.class);
        if (status != null) {
            for (String s : status) {
                try {
                    wanted.add(RequestStatus.valueOf(s));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("status", "invalid", "must be one of NEW, READ, ANSWERED, CLOSED");
                }
            }
        }
        return service.inbox(practiceId, wanted);
    }
}
