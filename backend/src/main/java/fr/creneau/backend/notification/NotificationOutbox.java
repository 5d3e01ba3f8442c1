package fr.creneau.backend.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The transactional outbox. {@link #enqueue} writes through the caller's current Hibernate Reactive session, so
 * the rows commit or roll back with the change they announce: no booking without its reminders, no reminder for
 * a booking that failed. Sending is the dispatchers' job, later, from the committed rows.
 */
@ApplicationScoped
public class NotificationOutbox {
    /**
     * A grouped reminder (same patient, day, kind, channel) that is still pending absorbs the new appointment: one
     * message lists both, and it goes at the earlier of the two due times.
     */
    static final String INSERT = "INSERT INTO notification_outbox (appointment_id, patient_id, account_id, practice_id,"
            + " channel, kind, due_at, payload, group_key)"
            + " VALUES (:appointment, :patient, :account, :practice, :channel, :kind, :due, CAST(CAST(:payload AS text) AS jsonb), :groupKey)"
            + " ON CONFLICT (group_key) WHERE status = 'PENDING' DO UPDATE SET"
            + " due_at = LEAST(notification_outbox.due_at, EXCLUDED.due_at),"
            + " payload = jsonb_set(notification_outbox.payload, '{appointments}',"
            + "   COALESCE(notification_outbox.payload -> 'appointments', '[]'::jsonb)"
            + "   || COALESCE(EXCLUDED.payload -> 'appointments', '[]'::jsonb))";

    @Inject
    ObjectMapper json;

    /** Writes the rows in the caller's transaction; call it inside {@code Panache.withTransaction} or {@code @WithTransaction}. */
    public Uni<Void> enqueue(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (OutboxEntry e : entries) {
                String payload = write(e);
                chain = chain.chain(() -> session.createNativeQuery(INSERT)
                        .setParameter("appointment", e.appointmentId())
                        .setParameter("patient", e.patientId())
                        .setParameter("account", e.accountId())
                        .setParameter("practice", e.practiceId())
                        .setParameter("channel", e.channel().name())
                        .setParameter("kind", e.kind().name())
                        .setParameter("due", e.dueAt())
                        .setParameter("payload", payload)
                        .setParameter("groupKey", e.groupKey())
                        .executeUpdate()
                        .replaceWithVoid());
            }
            return chain;
        });
    }

    private String write(OutboxEntry e) {
        try {
            return json.writeValueAsString(e.payload());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("Unwritable notification payload", ex);
        }
    }
}
