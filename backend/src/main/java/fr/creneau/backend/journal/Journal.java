package fr.creneau.backend.journal;

import fr.creneau.backend.platform.CurrentUser;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
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

    @Inject
    Clock clock;

    /** Journals an action of the signed-in caller of the current HTTP request. */
    public Uni<Void> record(long practiceId, String action, String objectType, Long objectId, String detail) {
        return record(currentActor(), practiceId, action, objectType, objectId, detail);
    }

    public Uni<Void> record(JournalActor actor, long practiceId, String action, String objectType, Long objectId,
                            String detail) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.getSession().chain(s -> lockHead(s, practiceId, true).chain(head -> {
            JournalEntry e = new JournalEntry();
            e.id = ((Number) head[1]).longValue();
            e.practiceId = practiceId;
            e.at = at;
            e.accountId = actor.accountId();
            e.role = actor.role();
            e.action = action;
            e.objectType = objectType;
            e.objectId = objectId;
            e.detail = detail;
            e.clientIp = actor.clientIp();
            e.prevHash = (String) head[0];
            e.hash = JournalHash.of(e);
            return s.createNativeQuery(APPEND)
                    .setParameter("id", e.id).setParameter("p", practiceId).setParameter("at", e.at)
                    .setParameter("account", e.accountId).setParameter("role", e.role == null ? null : e.role.name())
                    .setParameter("action", e.action).setParameter("type", e.objectType)
                    .setParameter("object", e.objectId).setParameter("detail", e.detail)
                    .setParameter("ip", e.clientIp).setParameter("prev", e.prevHash).setParameter("h", e.hash)
                    .executeUpdate();
        })).replaceWithVoid();
    }

    /**
     * Locks the practice's chain head and returns its last hash and the next entry id, in one round trip. The id
     * is drawn after the lock is granted (the CTE is materialised, so the lock comes first): ids then grow in
     * chain order, which {@link JournalService#verify} relies on. Appends of one practice wait here, so callers
     * journal as the last step of their transaction, to hold the lock for as short a time as possible.
     */
    private static Uni<Object[]> lockHead(Mutiny.Session s, long practiceId, boolean createIfMissing) {
        return s.createNativeQuery(LOCK_HEAD, Object[].class).setParameter("p", practiceId).getSingleResultOrNull()
                .chain(head -> head != null || !createIfMissing
                        ? Uni.createFrom().item(head)
                        : s.createNativeQuery(CREATE_HEAD).setParameter("p", practiceId)
                                .setParameter("h", JournalHash.GENESIS).executeUpdate()
                                .chain(() -> lockHead(s, practiceId, false)));
    }

    static final String LOCK_HEAD = "WITH h AS MATERIALIZED (SELECT last_hash FROM journal_head WHERE practice_id = :p FOR UPDATE)"
            + " SELECT last_hash, nextval('access_journal_id_seq') FROM h";
    /** A practice's first entry: its head starts at the genesis hash (a concurrent first append may win: fine). */
    static final String CREATE_HEAD = "INSERT INTO journal_head (practice_id, last_hash, entries) VALUES (:p, :h, 0) ON CONFLICT DO NOTHING";
    /** The entry and the head's move to it, in one statement. */
    static final String APPEND = "WITH e AS (INSERT INTO access_journal (id, practice_id, at, account_id, role, action,"
            + " object_type, object_id, detail, client_ip, prev_hash, hash) VALUES (:id, :p, :at, :account, :role, :action,"
            + " :type, :object, :detail, :ip, :prev, :h))"
            + " UPDATE journal_head SET last_id = :id, last_hash = :h, entries = entries + 1 WHERE practice_id = :p";

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
