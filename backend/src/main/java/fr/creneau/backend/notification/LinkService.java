package fr.creneau.backend.notification;

import fr.creneau.backend.appointment.Appointment;
import fr.creneau.backend.appointment.AppointmentService;
import fr.creneau.backend.appointment.Caller;
import fr.creneau.backend.patient.Patient;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.practice.Practice;
import fr.creneau.model.api.ActionLinkDto;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.LinkedAppointmentDto;
import fr.creneau.model.api.StatusChangeRequest;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Confirm or cancel from a reminder without signing in. Whoever holds the link acts as the patient, through
 * {@link AppointmentService#changeStatusWithin} and so through its rules (state machine, cancellation cutoff). An
 * unknown, used or expired token answers 404 and nothing else, so a guess learns nothing.
 */
@ApplicationScoped
public class LinkService {
    static final String CANCEL_REASON = "Annulé par le patient depuis le rappel";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    AppointmentService appointments;

    @Inject
    Clock clock;

    public Uni<ActionLinkDto> view(String token) {
        return Panache.withSession(() -> usable(token).chain(link -> describe(link, null)));
    }

    public Uni<ActionLinkDto> confirm(String token) {
        return act(token, AppointmentStatus.CONFIRMED, "CONFIRMED");
    }

    public Uni<ActionLinkDto> cancel(String token) {
        return act(token, AppointmentStatus.CANCELLED_BY_PATIENT, "CANCELLED");
    }

    /**
     * One transaction: the link is spent and the appointments change together. If the appointment service refuses
     * (cutoff passed, say), everything rolls back and the link still works for the other action.
     */
    private Uni<ActionLinkDto> act(String token, AppointmentStatus target, String done) {
        List<AppointmentDto> changed = new ArrayList<>();
        return Panache.withTransaction(() -> usable(token).chain(link -> Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE notification_link SET used_at = :now, used_action = :action"
                                + " WHERE id = :id AND used_at IS NULL")
                        .setParameter("now", clock.instant())
                        .setParameter("action", done)
                        .setParameter("id", link.id)
                        .executeUpdate())
                .chain(updated -> {
                    if (updated == 0) {
                        throw ProblemException.notFound("Link");
                    }
                    return caller(link);
                })
                .chain(caller -> Appointment.<Appointment>list("id in ?1", Arrays.asList(link.appointmentIds))
                        .chain(list -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (Appointment a : list) {
                                if (a.status == target || !a.status.canMoveTo(target, Role.PATIENT)) {
                                    continue; // already done, or past the point where a patient decides
                                }
                                StatusChangeRequest change = new StatusChangeRequest();
                                change.status = target;
                                change.reason = AppointmentStatus.needsReason(target) ? CANCEL_REASON : null;
                                chain = chain.chain(() -> appointments.changeStatusWithin(caller,
                                        appointments.actor(caller), a.id, change).invoke(changed::add).replaceWithVoid());
                            }
                            return chain;
                        }))
                .chain(() -> describe(link, done))))
                // the practice's open agendas hear of it once the link and the appointments have committed
                .invoke(() -> changed.forEach(dto -> appointments.announce(dto, false)));
    }

    private Uni<NotificationLink> usable(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return Uni.createFrom().failure(ProblemException.notFound("Link"));
        }
        Instant now = clock.instant();
        return NotificationLink.<NotificationLink>find("tokenHash", LinkTokens.hash(token)).firstResult().map(link -> {
            // a link of an absence notice chooses a slot (fallout package), it never confirms or cancels
            if (link == null || link.usedAt != null || !link.expiresAt.isAfter(now) || !"CONFIRM".equals(link.purpose)) {
                throw ProblemException.notFound("Link");
            }
            return link;
        });
    }

    /** The link acts as the patient who holds the appointments (a parent for a child). */
    private Uni<Caller> caller(NotificationLink link) {
        return Patient.<Patient>findById(link.patientId).map(p -> new Caller(link.accountId == null ? 0L : link.accountId,
                Role.PATIENT, null, null, p.holderId != null ? p.holderId : p.id));
    }

    private Uni<ActionLinkDto> describe(NotificationLink link, String done) {
        return Appointment.<Appointment>list("id in ?1 order by startsAt", Arrays.asList(link.appointmentIds)).chain(list -> {
            Uni<List<LinkedAppointmentDto>> items = Uni.createFrom().item(new ArrayList<>());
            for (Appointment a : list) {
                items = items.chain(acc -> Practice.<Practice>findById(a.practiceId).map(practice -> {
                    ZonedDateTime local = a.startsAt.atZone(practice.zone());
                    LinkedAppointmentDto d = new LinkedAppointmentDto();
                    d.practiceName = practice.name;
                    d.start = a.startsAt.toString();
                    d.date = local.toLocalDate().toString();
                    d.time = TIME.format(local);
                    acc.add(d);
                    return acc;
                }));
            }
            return items.map(all -> {
                ActionLinkDto dto = new ActionLinkDto();
                dto.appointments = all;
                dto.done = done;
                return dto;
            });
        });
    }
}
