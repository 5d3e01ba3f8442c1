package fr.creneau.backend.practice;

import fr.creneau.backend.platform.Params;
import fr.creneau.model.api.MotiveDto;
import fr.creneau.model.api.PractitionerDto;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;

/** The public directory of practitioners: no token needed. */
/* Every resource of the schedule and directory sits under "/api": RESTEasy Reactive picks one resource class by
 * its path first, so a class at "/api/practitioners" would hide the "/api/practitioners/{id}/..." methods of others. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Cancellable(false)
public class PractitionerResource {
    @Inject
    DirectoryService directory;

    @Inject
    CurrentIdentityAssociation identities;

    @GET
    @Path("/practitioners")
    public Uni<List<PractitionerDto>> search(@QueryParam("q") String q, @QueryParam("specialty") String specialty,
                                             @QueryParam("practiceId") String practiceId) {
        return directory.search(q, specialty, Params.optionalId("practiceId", practiceId));
    }

    @GET
    @Path("/practitioners/{id}")
    public Uni<PractitionerDto> get(@PathParam("id") long id) {
        return directory.practitioner(id);
    }

    @GET
    @Path("/practitioners/{id}/motives")
    public Uni<List<MotiveDto>> motives(@PathParam("id") long id) {
        return Viewer.resolve(identities).flatMap(v -> directory.practitionerMotives(v, id));
    }
}
