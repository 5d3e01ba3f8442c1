package fr.creneau.backend.desk;

import fr.creneau.backend.live.LiveEvents;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.api.CallDto;
import fr.creneau.model.api.CallIdentityRequest;
import fr.creneau.model.api.CallOutcomeRequest;
import fr.creneau.model.api.CallTriageRequest;
import fr.creneau.model.triage.CallOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.HashMap;
import java.util.Map;

/** One call on the desk: read it, then identity check, triage and its one outcome. */
@Path("/api/calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class CallResource {
    @Inject
    DeskService desk;

    @Inject
    LiveEvents live;

    @GET
    @Path("/{id}")
    @RolesAllowed({"SECRETARY", "PRACTICE_ADMIN", "PRACTITIONER"})
    public Uni<CallDto> get(@PathParam("id") long id) {
        return desk.get(id);
    }

    @POST
    @Path("/{id}/identity")
    @RolesAllowed({"SECRETARY", "PRACTICE_ADMIN"})
    public Uni<CallDto> identity(@PathParam("id") long id, CallIdentityRequest body) {
        return desk.identity(id, required(body));
    }

    @POST
    @Path("/{id}/triage")
    @RolesAllowed({"SECRETARY", "PRACTICE_ADMIN"})
    public Uni<CallDto> triage(@PathParam("id") long id, CallTriageRequest body) {
        return desk.triage(id, required(body));
    }

    /** Ends the call; an urgent transfer alerts the practice's staff live, a memo lands in the inbox. */
    @POST
    @Path("/{id}/outcome")
    @RolesAllowed({"SECRETARY", "PRACTICE_ADMIN"})
    public Uni<CallDto> outcome(@PathParam("id") long id, CallOutcomeRequest body) {
        return desk.outcome(id, required(body)).invoke(c -> {
            if (c.outcome == CallOutcome.URGENT_TRANSFER) {
                Map<String, Object> payload = new HashMap<>();
                payload.put("callId", c.id);
                payload.put("practitionerId", c.practitionerId);
                if (c.priority != null) {
                    payload.put("priority", c.priority.name());
                }
                live.publish(c.practiceId, LiveEvents.URGENT_TRANSFER, payload);
            } else if (c.outcome == CallOutcome.MEMO) {
                live.publish(c.practiceId, LiveEvents.NEW_REQUEST,
                        Map.of("requestId", c.requestId, "callId", c.id, "channel", "PHONE"));
            }
        });
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "is required");
        }
        return body;
    }
}
