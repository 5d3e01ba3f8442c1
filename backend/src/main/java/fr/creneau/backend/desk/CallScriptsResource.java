package fr.creneau.backend.desk;

import fr.creneau.model.api.CallScriptDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;

/** The practice's call scripts, one per motive, for the call screen. */
@Path("/api/practices/{practiceId}/call-scripts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class CallScriptsResource {
    @Inject
    CallScripts scripts;

    @GET
    @RolesAllowed({"SECRETARY", "PRACTICE_ADMIN", "PRACTITIONER"})
    public Uni<List<CallScriptDto>> scripts(@PathParam("practiceId") long practiceId) {
        return scripts.forPractice(practiceId);
    }
}
