package fr.creneau.backend.notification;

import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.api.NotificationPreferencesDto;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A patient's channel choices. Turning SMS or email on records the consent with its date; turning it off clears
 * the date, so the row always says whether, and since when, the patient agrees.
 */
@ApplicationScoped
public class NotificationPreferenceService {
    @Inject
    Clock clock;

    public Uni<NotificationPreferencesDto> get(long patientId) {
        return Panache.withSession(() -> NotificationPreference.<NotificationPreference>findById(patientId)
                .map(p -> toDto(p != null ? p : defaults(patientId))));
    }

    public Uni<NotificationPreferencesDto> put(long patientId, NotificationPreferencesDto request) {
        if (request == null) {
            throw ProblemException.invalid("body", "required", "a JSON body is required");
        }
        ProblemException.check(request.validate());
        // Whole seconds: the stored date reads back exactly as answered
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return Panache.withTransaction(() -> NotificationPreference.<NotificationPreference>findById(patientId).chain(found -> {
            NotificationPreference p = found != null ? found : defaults(patientId);
            p.pushEnabled = request.push;
            p.smsConsentAt = consent(request.sms, p.smsEnabled && found != null, p.smsConsentAt, now);
            p.smsEnabled = request.sms;
            p.emailConsentAt = consent(request.email, p.emailEnabled && found != null, p.emailConsentAt, now);
            p.emailEnabled = request.email;
            if (request.language != null) {
                p.language = request.language;
            }
            p.updatedAt = now;
            return (found != null ? Uni.createFrom().item(p) : p.<NotificationPreference>persist()).map(ignored -> toDto(p));
        }));
    }

    /** The date of the consent in force: kept while it stays on, set when given, cleared when withdrawn. */
    private static Instant consent(boolean on, boolean wasOn, Instant since, Instant now) {
        if (!on) {
            return null;
        }
        return wasOn && since != null ? since : now;
    }

    private static NotificationPreference defaults(long patientId) {
        NotificationPreference p = new NotificationPreference();
        p.patientId = patientId;
        return p;
    }

    private static NotificationPreferencesDto toDto(NotificationPreference p) {
        NotificationPreferencesDto d = new NotificationPreferencesDto();
        d.push = p.pushEnabled;
        d.sms = p.smsEnabled;
        d.email = p.emailEnabled;
        d.smsConsentAt = p.smsConsentAt == null ? null : p.smsConsentAt.toString();
        d.emailConsentAt = p.emailConsentAt == null ? null : p.emailConsentAt.toString();
        d.language = p.language == null ? Language.FR.code() : p.language;
        return d;
    }
}
