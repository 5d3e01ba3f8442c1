package fr.creneau.backend.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    static final String INSERT = insert(1);

    /**
     * The same INSERT for {@code rows} rows in one statement (one round trip for a booking's plan). PostgreSQL
     * refuses a statement whose ON CONFLICT would update one row twice, so it is used only when the rows' group
     * keys differ (they do within one plan: one row per kind and channel).
     */
    static String insert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO notification_outbox (appointment_id, patient_id, account_id,"
                + " practice_id, channel, kind, due_at, payload, group_key) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(:appointment").append(i).append(", :patient").append(i)
                    .append(", :account").append(i).append(", :practice").append(i).append(", :channel").append(i)
                    .append(", :kind").append(i).append(", :due").append(i).append(", CAST(CAST(:payload").append(i)
                    .append(" AS text) AS jsonb), :groupKey").append(i).append(")");
        }
        return sql.append(" ON CONFLICT (group_key) WHERE status = 'PENDING' DO UPDATE SET"
                + " due_at = LEAST(notification_outbox.due_at, EXCLUDED.due_at),"
                + " payload = jsonb_set(notification_outbox.payload, '{appointments}',"
                + "   COALESCE(notification_outbox.payload -> 'appointments', '[]'::jsonb)"
                + "   || COALESCE(EXCLUDED.payload -> 'appointments', '[]'::jsonb))").toString();
    }

    /** The statements for 1 to 8 rows, built once. */
    private static final String[] INSERTS = new String[9];

    static {
        for (int i = 1; i < INSERTS.length; i++) {
            INSERTS[i] = insert(i);
        }
    }

    /**
     * The last_error of a waitlist offer's notice dropped before it went out (the offer closed while the notice waited
     * for the end of the quiet hours); the inbox leaves such rows out.
     */
    public static final String OFFER_CLOSED = "offer_closed";

    @Inject
    ObjectMapper json;

    /** Writes the rows in the caller's transaction; call it inside {@code Panache.withTransaction} or {@code @WithTransaction}. */
    public Uni<Void> enqueue(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (entries.size() < INSERTS.length && distinctGroupKeys(entries)) {
            return Panache.getSession().chain(session -> {
                var query = session.createNativeQuery(INSERTS[entries.size()]);
                for (int i = 0; i < entries.size(); i++) {
                    bind(query, entries.get(i), String.valueOf(i));
                }
                return query.executeUpdate().replaceWithVoid();
            });
        }
        return Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (OutboxEntry e : entries) {
                chain = chain.chain(() -> bind(session.createNativeQuery(INSERT), e, "0").executeUpdate().replaceWithVoid());
            }
            return chain;
        });
    }

    private <Q extends Mutiny.MutationQuery> Q bind(Q query, OutboxEntry e, String n) {
        query.setParameter("appointment" + n, e.appointmentId());
        query.setParameter("patient" + n, e.patientId());
        query.setParameter("account" + n, e.accountId());
        query.setParameter("practice" + n, e.practiceId());
        query.setParameter("channel" + n, e.channel().name());
        query.setParameter("kind" + n, e.kind().name());
        query.setParameter("due" + n, e.dueAt());
        query.setParameter("payload" + n, write(e));
        query.setParameter("groupKey" + n, e.groupKey());
        return query;
    }

    private static boolean distinctGroupKeys(List<OutboxEntry> entries) {
        Set<String> keys = new HashSet<>();
        for (OutboxEntry e : entries) {
            if (e.groupKey() != null && !keys.add(e.groupKey())) {
                return false;
            }
        }
        return true;
    }

    private String write(OutboxEntry e) {
        try {
            return json.writeValueAsString(e.payload());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("Unwritable notification payload", ex);
        }
    }
}
