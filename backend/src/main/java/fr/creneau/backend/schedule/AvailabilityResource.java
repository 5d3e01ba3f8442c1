package fr.creneau.backend.schedule;

import fr.creneau.backend.platform.Params;
import fr.creneau.backend.practice.Viewer;
import fr.creneau.model.api.SlotDto;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.time.LocalDate;

/** Free slots, public: staff of the practice also see the urgency reserve and the motives not bookable online. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Cancellable(false)
public class AvailabilityResource {
    /** What the other JSON answers say (the bytes are UTF-8, as Jackson writes them). */
    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    @Inject
    ScheduleService schedule;

    @Inject
    CurrentIdentityAssociation identities;

    @GET
    @Path("/practitioners/{id}/availability")
    // The slots go out as JSON written once per cached day, not serialised again on every request
    @APIResponse(responseCode = "200", description = "Free slots, by start",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SlotDto.class)))
    public Uni<Response> availability(@PathParam("id") long practitionerId, @QueryParam("motiveId") String motiveId,
                                      @QueryParam("from") String from, @QueryParam("to") String to) {
        long motive = Params.id("motiveId", motiveId);
        LocalDate first = Params.date("from", from, true);
        LocalDate last = Params.date("to", to, true);
        return Viewer.resolve(identities)
                .flatMap(v -> schedule.availabilityJson(v, practitionerId, motive, first, last))
                .map(json -> Response.ok(json, JSON_UTF8).build());
    }

    @GET
    @Path("/practices/{id}/earliest")
    public Uni<SlotDto> earliest(@PathParam("id") long practiceId, @QueryParam("motiveId") String motiveId) {
        long motive = Params.id("motiveId", motiveId);
        return Viewer.resolve(identities).flatMap(v -> schedule.earliest(v, practiceId, motive));
    }
}
