package fr.creneau.backend.fallout;

import fr.creneau.backend.appointment.Caller;
import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.api.AbsenceFalloutDto;
import fr.creneau.model.api.AbsenceFalloutRequest;
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

/** The staff's decisions for the appointments an absence holds, and the patient's answer to the proposals. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class FalloutResource {
    @Inject
    FalloutService service;

    @Inject
    CurrentUser user;

    /** 200 with what became of each appointment the absence holds, urgent motives first. */
    @POST
    @Path("absences/{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"PRACTITIONER", "SECRETARY", "PRACTICE_ADMIN"})
    public Uni<List<AbsenceFalloutDto>> decide(@PathParam("id") long absenceId, AbsenceFalloutRequest request) {
        return service.decide(Caller.of(user), absenceId, request);
    }

    @GET
    @Path("absence-proposals/mine")
    @RolesAllowed("PATIENT")
    public Uni<List<AbsenceFalloutDto>> mine() {
        return service.mine(Caller.of(user));
    }

    /** 201 with the new appointment; 409 slot_taken when the slot went meanwhile (the other proposals stay). */
    @POST
    @Path("absence-proposals/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("PATIENT")
    public Uni<Response> accept(@PathParam("id") long proposalId) {
        return service.accept(Caller.of(user), proposalId);
    }
}
