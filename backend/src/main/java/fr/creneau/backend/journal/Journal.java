package fr.creneau.backend.journal;

import fr.creneau.backend.platform.CurrentUser;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The append-only access journal. Other services call {@link #record} inside their own transaction (their
 * {@code @WithTransaction} method's chain), so that the entry and the change it journals commit or roll back
 * together. Appends to one practice's chain are serialised by a row lock on its {@code journal_head}.
 */
@ApplicationScoped
public class Journal {
    public static final String REQUEST = "PatientRequest";
    public static final String APPOINTMENT = "Appointment";
    public static final String ACCOUNT = "Account";
    public static final String CALL = "PhoneCall";
    public static final String JOURNAL = "Journal";
    public static final String OPENING_RANGE = "OpeningRange";
    public static final String ABSENCE = "Absence";

    public static final String REQUEST_CREATE = "REQUEST_CREATE";
    public static final String REQUEST_READ = "REQUEST_READ";
    public static final String REQUEST_REPLIES_READ = "REQUEST_REPLIES_READ";
    public static final String REQUEST_REPLY = "REQUEST_REPLY";
    public static final String REQUEST_CLOSE = "REQUEST_CLOSE";
    public static final String CLINICAL_GRANT = "CLINICAL_GRANT";
    public static final String CLINICAL_REVOKE = "CLINICAL_REVOKE";
    public static final String CALL_READ = "CALL_READ";
    public static final String CALL_TRIAGE = "CALL_TRIAGE";
    public static final String APPOINTMENT_CHECK_IN = "APPOINTMENT_CHECK_IN";
    public static final String APPOINTMENT_BOOK = "APPOINTMENT_BOOK";
    public static final String APPOINTMENT_RESCHEDULE = "APPOINTMENT_RESCHEDULE";
    public static final String APPOINTMENT_STATUS = "APPOINTMENT_STATUS";
    public static final String OPENING_RANGE_CREATE = "OPENING_RANGE_CREATE";
    public static final String OPENING_RANGE_DELETE = "OPENING_RANGE_DELETE";
    public static final String URGENCY_RELEASE = "URGENCY_RELEASE";
    public static final String ABSENCE_CREATE = "ABSENCE_CREATE";
    public static final String ABSENCE_DELETE = "ABSENCE_DELETE";
    public static final String JOURNAL_READ = "JOURNAL_READ";
    public static final String JOURNAL_VERIFY = "JOURNAL_VERIFY";

    @Inject
    CurrentUser currentUser;

    @Inject
    Instance<HttpServerRequest> httpRequest;

    /** Journals an action of the signed-in caller of the current HTTP request. */
    public Uni<Void> record(long practiceId, String action, String objectType, Long objectId, String detail) {
        return record(currentActor(), practiceId, action, objectType, objectId, detail);
    }

    public Uni<Void> record(JournalActor actor, long practiceId, String action, String objectType, Long objectId,
                            String detail) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "INSERT INTO journal_head (practice_id, last_hash, entries) VALUES (:p, :h, 0) ON CONFLICT DO NOTHING")
                        .setParameter("p", practiceId).setParameter("h", JournalHash.GENESIS).executeUpdate()
                .chain(() -> s.createNativeQuery("SELECT last_hash FROM journal_head WHERE practice_id = :p FOR UPDATE", String.class)
                        .setParameter("p", practiceId).getSingleResult())
                .chain(prev -> s.createNativeQuery("SELECT nextval('access_journal_id_seq')", Long.class).getSingleResult()
                        .chain(id -> {
                            JournalEntry e = new JournalEntry();
                            e.id = id;
                            e.practiceId = practiceId;
                            e.at = at;
                            e.accountId = actor.accountId();
                            e.role = actor.role();
                            e.action = action;
                            e.objectType = objectType;
                            e.objectId = objectId;
                            e.detail = detail;
                            e.clientIp = actor.clientIp();
                            e.prevHash = prev;
                            e.hash = JournalHash.of(e);
                            return s.persist(e).chain(() -> s.createNativeQuery(
                                            "UPDATE journal_head SET last_id = :id, last_hash = :h, entries = entries + 1 WHERE practice_id = :p")
                                    .setParameter("id", id).setParameter("h", e.hash).setParameter("p", practiceId)
                                    .executeUpdate());
                        })))
                .replaceWithVoid();
    }

    /** The signed-in caller and their address; call it while the request is active (before any async hop). */
    public JournalActor currentActor() {
        if (!Arc.container().requestContext().isActive() || currentUser.isAnonymous()) {
            return new JournalActor(null, null, clientIp());
        }
        return new JournalActor(currentUser.accountId(), currentUser.role(), clientIp());
    }

    /**
     * The client's address: the first X-Forwarded-For hop when a proxy set one (the deployment runs behind one),
     * else the peer address.
     */
    public String clientIp() {
        if (!Arc.container().requestContext().isActive() || !httpRequest.isResolvable()) {
            return null;
        }
        try {
            HttpServerRequest req = httpRequest.get();
            String forwarded = req.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.indexOf(',');
                String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
                if (!first.isEmpty() && first.length() <= 64) {
                    return first;
                }
            }
            return req.remoteAddress() == null ? null : req.remoteAddress().hostAddress();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
