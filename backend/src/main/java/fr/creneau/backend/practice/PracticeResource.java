package fr.creneau.backend.practice;

import fr.creneau.model.api.MotiveDto;
import fr.creneau.model.api.PracticeDto;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;

/** Practices and their motive catalogue: reading is public, editing motives is the practice admin's. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class PracticeResource {
    @Inject
    DirectoryService directory;

    @Inject
    CurrentIdentityAssociation identities;

    @GET
    @Path("/practices/{id}")
    @PermitAll
    public Uni<PracticeDto> practice(@PathParam("id") long id) {
        return Viewer.resolve(identities).flatMap(v -> directory.practice(v, id));
    }

    @GET
    @Path("/practices/{id}/motives")
    @PermitAll
    public Uni<List<MotiveDto>> motives(@PathParam("id") long id) {
        return Viewer.resolve(identities).flatMap(v -> directory.practiceMotives(v, id));
    }

    @POST
    @Path("/practices/{id}/motives")
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<Response> createMotive(@PathParam("id") long id, MotiveDto body) {
        return directory.createMotive(id, body == null ? new MotiveDto() : body)
                .map(m -> Response.status(201).entity(m).build());
    }

    @PUT
    @Path("/motives/{id}")
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<MotiveDto> updateMotive(@PathParam("id") long id, MotiveDto body) {
        return directory.updateMotive(id, body == null ? new MotiveDto() : body);
    }
}
