package fr.creneau.backend.appointment;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.BookingRequest;
import fr.creneau.model.api.RescheduleRequest;
import fr.creneau.model.api.StatusChangeRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;

@Path("/api/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class AppointmentResource {
    @Inject
    AppointmentService service;

    @Inject
    CurrentUser user;

    /** 201 with the appointment; a retry with the same Idempotency-Key replays the first answer. */
    @POST
    @RolesAllowed({"PATIENT", "PRACTITIONER", "SECRETARY", "PRACTICE_ADMIN"})
    public Uni<Response> book(BookingRequest request, @HeaderParam(IdempotencyService.HEADER) String idempotencyKey) {
        return service.book(Caller.of(user), request, idempotencyKey);
    }

    @GET
    @Path("mine")
    @RolesAllowed("PATIENT")
    public Uni<List<AppointmentDto>> mine(@QueryParam("scope") String scope) {
        return service.mine(Caller.of(user), scope);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"PATIENT", "PRACTITIONER", "SECRETARY", "PRACTICE_ADMIN"})
    public Uni<AppointmentDto> get(@PathParam("id") long id) {
        return service.get(Caller.of(user), id);
    }

    @POST
    @Path("{id}/reschedule")
    @RolesAllowed({"PATIENT", "PRACTITIONER", "SECRETARY", "PRACTICE_ADMIN"})
    public Uni<Response> reschedule(@PathParam("id") long id, RescheduleRequest request,
                                    @HeaderParam(IdempotencyService.HEADER) String idempotencyKey) {
        return service.reschedule(Caller.of(user), id, request, idempotencyKey);
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed({"PATIENT", "PRACTITIONER", "SECRETARY", "PRACTICE_ADMIN"})
    public Uni<AppointmentDto> changeStatus(@PathParam("id") long id, StatusChangeRequest request) {
        return service.changeStatus(Caller.of(user), id, request);
    }
}
