package fr.creneau.backend.desk;

import fr.creneau.model.api.CallScriptDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;

/** A motive's call script, kept by the practice admin. */
@Path("/api/motives/{motiveId}/call-script")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class CallScriptResource {
    @Inject
    CallScripts scripts;

    @PUT
    @RolesAllowed("PRACTICE_ADMIN")
    public Uni<CallScriptDto> update(@PathParam("motiveId") long motiveId, CallScriptDto body) {
        return scripts.update(motiveId, body == null ? new CallScriptDto() : body);
    }
}
