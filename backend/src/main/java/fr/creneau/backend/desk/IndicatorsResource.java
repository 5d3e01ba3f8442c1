package fr.creneau.backend.desk;

import fr.creneau.model.api.IndicatorsDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;


/** The practice's indicators. */
@Path("/api/practices/{practiceId}/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class IndicatorsResource {
    @Inject
    Indicators indicators;

    @GET
    @RolesAllowed({"PRACTITIONER", "PRACTICE_ADMIN"})
    public Uni<IndicatorsDto> indicators(@PathParam("practiceId") long practiceId, @QueryParam("from") String from,
                                         @QueryParam("to") String to) {
        return indicators.compute(practiceId, from, to);
    }
}
