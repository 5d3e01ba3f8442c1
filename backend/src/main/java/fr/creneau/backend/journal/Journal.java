package fr.creneau.backend.journal;

import fr.creneau.backend.platform.CurrentUser;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The append-only access journal. Other services call {@link #record} inside their own transaction (their
 * {@code @WithTransaction} method's chain), so that the entry and the change it journals commit or roll back
 * together. The database chains each entry at the COMMIT (migration V24_1): appends to one practice's chain
 * wait for each other only while their transactions commit.
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
        return Panache.getSession().chain(s -> s.createNativeQuery(PEND)
                .setParameter("p", practiceId).setParameter("at", at).setParameter("account", actor.accountId())
                .setParameter("role", actor.role() == null ? null : actor.role().name())
                .setParameter("action", action).setParameter("type", objectType).setParameter("object", objectId)
                .setParameter("detail", detail).setParameter("ip", actor.clientIp())
                .executeUpdate()).replaceWithVoid();
    }

    /** The entry waits in journal_pending until the COMMIT, where the database chains it (journal_seal). */
    static final String PEND = "INSERT INTO journal_pending (practice_id, at, account_id, role, action, object_type,"
            + " object_id, detail, client_ip) VALUES (:p, :at, :account, :role, :action, :type, :object, :detail, :ip)";

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
