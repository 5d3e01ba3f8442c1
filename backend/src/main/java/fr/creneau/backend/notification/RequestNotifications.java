package fr.creneau.backend.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What the messaging service calls when the practice answers a request, inside the reply's transaction: one
 * push to the account that holds the patient (a parent for a child). The row carries the request id only; the
 * text names the practice and nothing of the request (see {@link MessageRenderer#renderRequestAnswered}).
 */
@ApplicationScoped
public class RequestNotifications {
    /** Same recipient rule as AppointmentNotifications: the holder's first account. */
    static final String RECIPIENT = "SELECT pt.id, (SELECT a.id FROM account a WHERE a.patient_id = COALESCE(pt.holder_id, pt.id)"
            + " ORDER BY a.id LIMIT 1) FROM patient pt WHERE pt.id = :patient";

    /** The practice's timezone and quiet hours. */
    static final String QUIET = "SELECT pr.timezone, " + QuietHours.COLUMNS + " FROM practice pr"
            + " LEFT JOIN notification_policy np ON np.practice_id = pr.id WHERE pr.id = :practice";

    @Inject
    NotificationOutbox outbox;

    @Inject
    Clock clock;

    /**
     * Call after a staff reply is flushed, in its transaction. Replies still pending share a group key, so several
     * answers before the dispatcher runs make one push. The holder's push choice and devices are read at send time.
     * A reply written in the practice's quiet hours (evening duty, a night shift) waits for their end: no appointment
     * makes it urgent.
     */
    public Uni<Void> answered(long requestId, long patientId, long practiceId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(RECIPIENT, Object[].class)
                        .setParameter("patient", patientId)
                        .getSingleResultOrNull())
                .chain(row -> {
                    if (row == null || row[1] == null) {
                        return Uni.createFrom().voidItem(); // a patient without an account has no app to push to
                    }
                    long accountId = ((Number) row[1]).longValue();
                    return Panache.getSession()
                            .chain(s -> s.createNativeQuery(QUIET, Object[].class)
                                    .setParameter("practice", practiceId)
                                    .getSingleResultOrNull())
                            .chain(quiet -> outbox.enqueue(List.of(new OutboxEntry(null, patientId, accountId, practiceId,
                                    DeliveryChannel.PUSH, NotificationKind.REQUEST_ANSWERED, dueAt(quiet),
                                    Map.of("requestId", requestId), "request-answered:" + requestId))));
                });
    }

    private Instant dueAt(Object[] quiet) {
        Instant now = clock.instant();
        if (quiet == null) {
            return now;
        }
        return QuietHours.defer(now, ZoneId.of((String) quiet[0]), LocalTime.parse((String) quiet[1]),
                LocalTime.parse((String) quiet[2]));
    }
}
