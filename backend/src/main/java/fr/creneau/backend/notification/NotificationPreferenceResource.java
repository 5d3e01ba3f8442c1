package fr.creneau.backend.notification;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.api.NotificationPreferencesDto;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The signed-in patient's channel choices (they apply to the relatives they book for too). */
@Path("/api/me/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("PATIENT")
@Cancellable(false)
public class NotificationPreferenceResource {
    @Inject
    CurrentUser user;

    @Inject
    NotificationPreferenceService service;

    @GET
    public Uni<NotificationPreferencesDto> get() {
        return service.get(user.patientId());
    }

    @PUT
    public Uni<NotificationPreferencesDto> put(NotificationPreferencesDto request) {
        return service.put(user.patientId(), request);
    }
}
