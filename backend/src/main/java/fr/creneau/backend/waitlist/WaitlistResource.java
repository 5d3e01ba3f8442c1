package fr.creneau.backend.waitlist;

import fr.creneau.backend.appointment.Caller;
import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.api.WaitlistEntryDto;
import fr.creneau.model.api.WaitlistOfferDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.List;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class WaitlistResource {
    @Inject
    WaitlistService service;

    @Inject
    CurrentUser user;

    /** 201 with the entry: a patient for themselves or a relative, the secretariat for a patient of the practice. */
    @POST
    @Path("practices/{id}/waitlist")
    @RolesAllowed({"PATIENT", "SECRETARY", "PRACTICE_ADMIN"})
    public Uni<Response> join(@PathParam("id") long practiceId, WaitlistEntryDto entry) {
        return service.join(Caller.of(user), practiceId, entry);
    }

    /**
     * The secretariat reads the whole list; a practitioner reads, and only reads, the entries that may get one of
     * their slots (theirs and "anyone of the practice"), to see who waits when they free time.
     */
    @GET
    @Path("practices/{id}/waitlist")
    @RolesAllowed({"SECRETARY", "PRACTICE_ADMIN", "PRACTITIONER"})
    public Uni<List<WaitlistEntryDto>> ofPractice(@PathParam("id") long practiceId) {
        return service.ofPractice(Caller.of(user), practiceId);
    }

    @GET
    @Path("waitlist/mine")
    @RolesAllowed("PATIENT")
    public Uni<List<WaitlistEntryDto>> mine() {
        return service.mine(Caller.of(user));
    }

    /** No body; any content type, since the app's HTTP stack labels even a bodiless DELETE as a form (else 415). */
    @DELETE
    @Path("waitlist/{id}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"PATIENT", "SECRETARY", "PRACTICE_ADMIN"})
    public Uni<Response> delete(@PathParam("id") long id) {
        return service.delete(Caller.of(user), id).map(v -> Response.noContent().build());
    }

    /** The caller's offers and their relatives', for slots still to come, newest first (open ones to claim). */
    @GET
    @Path("waitlist/offers/mine")
    @RolesAllowed("PATIENT")
    public Uni<List<WaitlistOfferDto>> myOffers() {
        return service.myOffers(Caller.of(user));
    }

    /** 204; the next patient in line is offered the slot at once. 409 offer_declined/slot_taken, 410 offer_expired. */
    @POST
    @Path("waitlist/offers/{id}/decline")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"PATIENT", "SECRETARY", "PRACTICE_ADMIN"})
    public Uni<Response> decline(@PathParam("id") long offerId) {
        return service.decline(Caller.of(user), offerId).map(v -> Response.noContent().build());
    }

    /** 201 with the appointment for the first claim; 409 slot_taken after it, 410 offer_expired once expired. */
    @POST
    @Path("waitlist/offers/{id}/claim")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"PATIENT", "SECRETARY", "PRACTICE_ADMIN"})
    public Uni<Response> claim(@PathParam("id") long offerId) {
        return service.claim(Caller.of(user), offerId);
    }
}
