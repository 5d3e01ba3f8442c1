package fr.creneau.backend.messaging;

import fr.creneau.backend.live.LiveEvents;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.api.PatientRequestDto;
import fr.creneau.model.api.RequestReplyDto;
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
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;
import java.util.Map;

/** One request and its thread, for its patient (or holder) and the staff of its practice. */
@Path("/api/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"PATIENT", "PRACTITIONER", "SECRETARY", "PRACTICE_ADMIN"})
@Cancellable(false)
public class RequestResource {
    @Inject
    MessagingService service;

    @Inject
    LiveEvents live;

    @GET
    @Path("/mine")
    @RolesAllowed("PATIENT")
    public Uni<List<PatientRequestDto>> mine() {
        return service.mine();
    }

    @GET
    @Path("/{id}")
    public Uni<PatientRequestDto> get(@PathParam("id") long id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/replies")
    public Uni<List<RequestReplyDto>> replies(@PathParam("id") long id) {
        return service.replies(id);
    }

    @POST
    @Path("/{id}/replies")
    public Uni<Response> reply(@PathParam("id") long id, RequestReplyDto body) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "is required");
        }
        return service.reply(id, body)
                .invoke(p -> live.publish(p.practiceId(), LiveEvents.REQUEST_UPDATED,
                        Map.of("requestId", id, "status", p.status().name())))
                .map(p -> Response.status(201).entity(p.reply()).build());
    }

    /** No body, so any content type or none: the app's HTTP stack labels a bodiless request as a form (else 415). */
    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.WILDCARD)
    public Uni<PatientRequestDto> close(@PathParam("id") long id) {
        return service.close(id).invoke(d -> live.publish(d.practiceId, LiveEvents.REQUEST_UPDATED,
                Map.of("requestId", id, "status", d.status.name())));
    }
}
