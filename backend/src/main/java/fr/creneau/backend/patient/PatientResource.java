package fr.creneau.backend.patient;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.api.PatientDto;
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

/** The secretariat's patient file: find a caller, or register them. */
@Path("/api/practices/{practiceId}/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class PatientResource {
    @Inject
    PatientService service;

    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({"SECRETARY", "PRACTITIONER", "PRACTICE_ADMIN"})
    public Uni<List<PatientDto>> search(@PathParam("practiceId") long practiceId, @QueryParam("q") String q,
                                        @QueryParam("birthDate") String birthDate, @QueryParam("phone") String phone) {
        return service.search(user, practiceId, q, birthDate, phone);
    }

    @POST
    @RolesAllowed({"SECRETARY", "PRACTICE_ADMIN"})
    public Uni<Response> create(@PathParam("practiceId") long practiceId, PatientDto patient) {
        return service.create(user, practiceId, patient);
    }
}
