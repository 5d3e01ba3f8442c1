package fr.creneau.backend.messaging;

import fr.creneau.backend.live.LiveEvents;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.api.ClinicalGrantDto;
import fr.creneau.model.api.PatientRequestDto;
import fr.creneau.model.api.TriageGridDto;
import fr.creneau.model.triage.RedFlag;
import fr.creneau.model.triage.RequestStatus;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A practice's side of structured requests: receiving them, the inbox, the triage grid and clinical grants. */
@Path("/api/practices/{practiceId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PracticeRequestsResource {
    @Inject
    MessagingService service;

    @Inject
    TriageGrids grids;

    @Inject
    LiveEvents live;

    @POST
    @Path("/requests")
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
    @Path("/requests")
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

    @GET
    @Path("/triage-grid")
    @PermitAll
    public Uni<TriageGridDto> grid(@PathParam("practiceId") long practiceId) {
        return grids.describe(practiceId);
    }

    @POST
    @Path("/red-flags")
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<Response> addFlag(@PathParam("practiceId") long practiceId, RedFlag body) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "is required");
        }
        return grids.add(practiceId, body).map(f -> Response.status(201).entity(f).build());
    }

    @DELETE
    @Path("/red-flags/{code}")
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<Response> removeFlag(@PathParam("practiceId") long practiceId, @PathParam("code") String code) {
        return grids.remove(practiceId, code).map(v -> Response.noContent().build());
    }

    @GET
    @Path("/clinical-grants")
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<List<ClinicalGrantDto>> grants(@PathParam("practiceId") long practiceId) {
        return service.grants(practiceId);
    }

    @PUT
    @Path("/clinical-grants/{accountId}")
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<Response> grant(@PathParam("practiceId") long practiceId, @PathParam("accountId") long accountId) {
        return service.grant(practiceId, accountId).map(v -> Response.noContent().build());
    }

    @DELETE
    @Path("/clinical-grants/{accountId}")
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<Response> revoke(@PathParam("practiceId") long practiceId, @PathParam("accountId") long accountId) {
        return service.revoke(practiceId, accountId).map(v -> Response.noContent().build());
    }
}
