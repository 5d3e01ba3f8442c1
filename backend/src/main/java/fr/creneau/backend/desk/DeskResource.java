package fr.creneau.backend.desk;

import fr.creneau.backend.platform.Params;
import fr.creneau.model.api.CallDto;
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

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The desk, practice side: opening and listing calls. */
@Path("/api/practices/{practiceId}/calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class DeskResource {
    @Inject
    DeskService desk;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed({"SECRETARY", "PRACTICE_ADMIN"})
    public Uni<Response> open(@PathParam("practiceId") long practiceId, CallDto body) {
        return desk.open(practiceId, body == null ? new CallDto() : body).map(c -> Response.status(201).entity(c).build());
    }

    /** Calls started in [from, to) (instants; default: the last 24 hours), without clinical answers. */
    @GET
    @RolesAllowed({"SECRETARY", "PRACTICE_ADMIN", "PRACTITIONER"})
    public Uni<List<CallDto>> list(@PathParam("practiceId") long practiceId, @QueryParam("from") String from,
                                   @QueryParam("to") String to) {
        // call times are stored to the microsecond: the default window ends just after now, so that it holds a
        // call started this very microsecond (under a test's fixed clock, the one just opened)
        Instant end = to == null ? clock.instant().truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS)
                : Params.instant("to", to);
        Instant start = from == null ? end.minus(1, ChronoUnit.DAYS) : Params.instant("from", from);
        return desk.list(practiceId, start, end);
    }

}
