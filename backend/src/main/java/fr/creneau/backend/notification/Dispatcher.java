package fr.creneau.backend.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.creneau.backend.notification.NotificationChannel.Outcome;
import fr.creneau.backend.notification.NotificationChannel.Outgoing;
import fr.creneau.backend.notification.NotificationChannel.SendResult;
import fr.creneau.model.rules.AppointmentStatus;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends what the outbox holds. Any number of dispatchers, in one process or many, may run on the same table.
 *
 * <h2>Delivery guarantees</h2>
 * <ol>
 *   <li><b>Claim.</b> One statement takes up to {@code batchSize} due rows with {@code FOR UPDATE SKIP LOCKED}
 *       and marks them SENDING with a lease ({@code lease_until}) and this worker's id. Two dispatchers never
 *       claim the same row while its lease runs: the second skips the locked rows and, once the first commits,
 *       sees them as SENDING with a live lease.</li>
 *   <li><b>Send</b>, outside any transaction: each message carries the idempotency key {@code creneau-<outbox id>}
 *       (FCM data and collapse key, Brevo tag, email Message-ID).</li>
 *   <li><b>Mark</b> SENT, SKIPPED, DEAD, or PENDING again with an exponential backoff, only if this worker still
 *       holds the row ({@code locked_by} and status SENDING), and record each attempt per target.</li>
 * </ol>
 * A worker that dies between claim and mark leaves its rows SENDING; once the lease expires another worker
 * claims them again. Nothing is lost. The outbox alone is therefore <b>at-least-once</b>: a worker killed after
 * the provider accepted a message but before step 3 committed makes the message go out a second time. No
 * protocol can close that window on our side (the send and our commit cannot be one atomic act), so
 * exactly-once is obtained at the receiving end by the idempotency key: the same key, for the same row, on
 * every attempt. A provider or receiver that dedupes by key (our fakes do, the app drops a push whose key it has
 * shown, a collapse key replaces an undelivered copy, mail systems thread by Message-ID) sees each message once.
 * The window is small (one batch) and only opens when a worker dies or overruns its lease; the lease must
 * therefore be much longer than a batch takes.
 *
 * <p>The dispatcher uses blocking JDBC on its own threads, not the request path's reactive session: it runs on
 * the scheduler's worker threads, and blocking provider SDKs (Firebase, SMTP) would block the event loop anyway.
 *
 * <p>An interrupted worker stops at once, between two send chunks, without marking anything: it behaves as a
 * killed process would, and the leases recover its rows.
 */
public final class Dispatcher {
    static final String CLAIM = "WITH due AS ("
            + " SELECT id FROM notification_outbox"
            + " WHERE (status = 'PENDING' AND due_at <= ?) OR (status = 'SENDING' AND lease_until <= ?)"
            + " ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " UPDATE notification_outbox o SET status = 'SENDING', attempts = o.attempts + 1, lease_until = ?, locked_by = ?"
            + " FROM due WHERE o.id = due.id"
            + " RETURNING o.id, o.appointment_id, o.patient_id, o.account_id, o.channel, o.kind, o.payload::text, o.attempts, o.practice_id";

    static final String APPOINTMENTS = "SELECT a.id, a.status, a.starts_at, a.ends_at, pr.name, pr.phone, pr.timezone,"
            + " s.address, CASE WHEN m.show_in_reminders THEN m.label_fr END, CASE WHEN m.show_in_reminders THEN m.label_en END"
            + " FROM appointment a JOIN practice pr ON pr.id = a.practice_id JOIN site s ON s.id = a.site_id"
            + " JOIN motive m ON m.id = a.motive_id WHERE a.id = ANY(?)";

    /** The holder's choices and, when the patient has none, the holder's phone and email (see AppointmentNotifications). */
    static final String CONTACTS = "SELECT pt.id, COALESCE(pt.phone, h.phone), COALESCE(pt.email, h.email),"
            + " COALESCE(pref.push_enabled, TRUE), COALESCE(pref.sms_enabled, TRUE), COALESCE(pref.email_enabled, TRUE),"
            + " COALESCE(pref.language, 'fr')"
            + " FROM patient pt LEFT JOIN patient h ON h.id = pt.holder_id"
            + " LEFT JOIN notification_preference pref ON pref.patient_id = COALESCE(pt.holder_id, pt.id)"
            + " WHERE pt.id = ANY(?)";

    /** The practice's name, the only thing a message about a request says (see MessageRenderer). */
    static final String PRACTICES = "SELECT id, name FROM practice WHERE id = ANY(?)";

    static final String DEVICES = "SELECT account_id, push_key FROM device_token WHERE account_id = ANY(?) ORDER BY id";

    static final String LINK = "INSERT INTO notification_link (token_hash, outbox_id, patient_id, account_id,"
            + " appointment_ids, expires_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (outbox_id) DO NOTHING";

    static final String MARK = "UPDATE notification_outbox SET status = ?, due_at = COALESCE(?, due_at), last_error = ?,"
            + " sent_at = ?, lease_until = NULL, locked_by = NULL"
            + " WHERE id = ? AND locked_by = ? AND status = 'SENDING'";

    static final String ATTEMPT = "INSERT INTO notification_attempt (outbox_id, attempt, channel, worker, target, outcome,"
            + " provider_ref, error, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * @param batchSize   rows claimed per run
     * @param sendChunk   messages handed to a channel at once (FCM sends a chunk in parallel)
     * @param lease       how long a claim protects its rows; far longer than a batch takes
     * @param maxAttempts attempts before a row is dead-lettered
     */
    public record Settings(int batchSize, int sendChunk, Duration lease, int maxAttempts, Duration backoffBase,
                           Duration backoffMax) {
        public static final Settings DEFAULTS = new Settings(200, 100, Duration.ofMinutes(5), 8,
                Duration.ofSeconds(30), Duration.ofHours(2));
    }

    private final DataSource dataSource;
    private final Map<DeliveryChannel, NotificationChannel> channels;
    private final MessageRenderer renderer;
    private final LinkTokens links;
    private final String linkBaseUrl;
    private final Settings settings;
    private final Clock clock;
    private final String workerId;
    private final ObjectMapper json = new ObjectMapper();

    public Dispatcher(DataSource dataSource, Collection<NotificationChannel> channels, MessageRenderer renderer,
                      LinkTokens links, String linkBaseUrl, Settings settings, Clock clock, String workerId) {
        this.dataSource = dataSource;
        this.channels = new EnumMap<>(DeliveryChannel.class);
        for (NotificationChannel c : channels) {
            this.channels.put(c.channel(), c);
        }
        this.renderer = renderer;
        this.links = links;
        this.linkBaseUrl = linkBaseUrl.endsWith("/") ? linkBaseUrl : linkBaseUrl + "/";
        this.settings = settings;
        this.clock = clock;
        this.workerId = workerId;
    }

    public String workerId() {
        return workerId;
    }

    /** Delay before attempt n+1 after n failed attempts: base, 2 base, 4 base... capped. */
    public static Duration backoff(Settings s, int attempts) {
        int exponent = Math.max(0, Math.min(attempts - 1, 30));
        Duration d = s.backoffBase().multipliedBy(1L << exponent);
        return d.compareTo(s.backoffMax()) > 0 ? s.backoffMax() : d;
    }

    /** Runs batches until nothing is due or the thread is interrupted; answers how many rows it handled. */
    public int drain() throws SQLException {
        int total = 0;
        while (!Thread.currentThread().isInterrupted()) {
            int n = runOnce();
            if (n == 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** Claims one batch, sends it and marks it. Answers the number of rows claimed (0: nothing was due). */
    public int runOnce() throws SQLException {
        Instant now = clock.instant();
        List<Claimed> claimed = claim(now);
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<Long, AppointmentView> appointments = new HashMap<>();
        Map<Long, Contact> contacts = new HashMap<>();
        Map<Long, List<String>> devices = new HashMap<>();
        Map<Long, String> practices = new HashMap<>();
        load(claimed, appointments, contacts, devices, practices);

        List<Work> work = new ArrayList<>();
        for (Claimed c : claimed) {
            work.add(prepare(c, now, appointments, contacts, devices, practices));
        }
        saveLinks(work);
        if (!send(work)) {
            return claimed.size(); // interrupted: die like a killed process, leases will recover the rows
        }
        mark(work, clock.instant());
        return claimed.size();
    }

    // ---------------------------------------------------------------- claim and load

    record Claimed(long id, Long appointmentId, long patientId, Long accountId, DeliveryChannel channel,
                   NotificationKind kind, JsonNode payload, int attempts, Long practiceId) {
    }

    record Contact(String phone, String email, boolean push, boolean sms, boolean emailOn, Language language) {
    }

    private List<Claimed> claim(Instant now) throws SQLException {
        List<Claimed> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            c.setAutoCommit(true);
            Timestamp ts = Timestamp.from(now);
            ps.setTimestamp(1, ts);
            ps.setTimestamp(2, ts);
            ps.setInt(3, settings.batchSize());
            ps.setTimestamp(4, Timestamp.from(now.plus(settings.lease())));
            ps.setString(5, workerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Claimed(rs.getLong(1), (Long) rs.getObject(2), rs.getLong(3), (Long) rs.getObject(4),
                            DeliveryChannel.valueOf(rs.getString(5)), NotificationKind.valueOf(rs.getString(6)),
                            parse(rs.getString(7)), rs.getInt(8), (Long) rs.getObject(9)));
                }
            }
        }
        return out;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private void load(List<Claimed> claimed, Map<Long, AppointmentView> appointments, Map<Long, Contact> contacts,
                      Map<Long, List<String>> devices, Map<Long, String> practices) throws SQLException {
        Set<Long> appointmentIds = new LinkedHashSet<>();
        Set<Long> practiceIds = new LinkedHashSet<>();
        Set<Long> patientIds = new LinkedHashSet<>();
        Set<Long> accountIds = new LinkedHashSet<>();
        for (Claimed c : claimed) {
            for (JsonNode item : c.payload().path("appointments")) {
                appointmentIds.add(item.path("id").asLong());
            }
            if (c.appointmentId() != null) {
                appointmentIds.add(c.appointmentId());
            }
            patientIds.add(c.patientId());
            if ((c.kind().aboutRequest() || c.kind().aboutWaitlist()) && c.practiceId() != null) {
                practiceIds.add(c.practiceId());
            }
            if (c.accountId() != null && c.channel() == DeliveryChannel.PUSH) {
                accountIds.add(c.accountId());
            }
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(APPOINTMENTS)) {
                ps.setArray(1, c.createArrayOf("bigint", appointmentIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        appointments.put(rs.getLong(1), new AppointmentView(rs.getLong(1),
                                AppointmentStatus.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
                                ZoneId.of(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(CONTACTS)) {
                ps.setArray(1, c.createArrayOf("bigint", patientIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        contacts.put(rs.getLong(1), new Contact(rs.getString(2), rs.getString(3), rs.getBoolean(4),
                                rs.getBoolean(5), rs.getBoolean(6), Language.of(rs.getString(7))));
                    }
                }
            }
            if (!practiceIds.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(PRACTICES)) {
                    ps.setArray(1, c.createArrayOf("bigint", practiceIds.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            practices.put(rs.getLong(1), rs.getString(2));
                        }
                    }
                }
            }
            if (!accountIds.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(DEVICES)) {
                    ps.setArray(1, c.createArrayOf("bigint", accountIds.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            devices.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- decide and render

    /** One claimed row and what became of it: a reason to skip, or messages to send and their results. */
    static final class Work {
        final Claimed row;
        String skipReason;
        final List<Outgoing> messages = new ArrayList<>();
        final List<SendResult> results = new ArrayList<>();
        List<AppointmentView> live = List.of();
        String token;

        Work(Claimed row) {
            this.row = row;
        }
    }

    private Work prepare(Claimed c, Instant now, Map<Long, AppointmentView> appointments, Map<Long, Contact> contacts,
                         Map<Long, List<String>> devices, Map<Long, String> practices) {
        Work w = new Work(c);
        String practiceName = null;
        Contact reader = contacts.get(c.patientId());
        Language lang = reader == null ? Language.FR : reader.language();
        if (c.kind().aboutWaitlist()) {
            // A freed slot, no appointment yet: practice, date and time from the row, nothing else
            practiceName = c.practiceId() == null ? null : practices.get(c.practiceId());
            String day = c.payload().path("localDate").asText("");
            String time = c.payload().path("localTime").asText("");
            if (practiceName == null || day.isEmpty() || time.isEmpty() || c.channel() == DeliveryChannel.EMAIL) {
                w.skipReason = practiceName == null ? "practice_gone" : "push_or_sms_only_kind";
                return w;
            }
            JsonNode offerId = c.payload().path("offerId");
            RenderedMessage message = c.kind() == NotificationKind.WAITLIST_GONE
                    ? renderer.renderWaitlistGone(lang, practiceName, java.time.LocalDate.parse(day), time)
                    : renderer.renderWaitlistOffer(lang, practiceName, java.time.LocalDate.parse(day), time);
            return target(w, c, contacts, devices, message, offerId.isMissingNode() ? Map.of()
                    : Map.of("offerId", offerId.asText()));
        }
        if (c.kind().aboutRequest()) {
            // No appointment to be live: the practice that answered is all the message needs
            practiceName = c.practiceId() == null ? null : practices.get(c.practiceId());
            if (practiceName == null || c.channel() != DeliveryChannel.PUSH) {
                w.skipReason = practiceName == null ? "practice_gone" : "push_only_kind";
                return w;
            }
            return target(w, c, contacts, devices, renderer.renderRequestAnswered(lang, practiceName), requestData(c));
        }
        List<AppointmentView> listed = listed(c, appointments);
        if (c.kind().needsLiveAppointment()) {
            listed.removeIf(a -> !a.status().isPending() || !a.startsAt().isAfter(now));
            Map<Long, Instant> planned = plannedStarts(c);
            listed.removeIf(a -> planned.containsKey(a.id()) && !planned.get(a.id()).equals(a.startsAt()));
            if (c.kind() == NotificationKind.ESCALATION_SMS) {
                // Acknowledged (confirmed) appointments need no SMS
                listed.removeIf(a -> a.status() != AppointmentStatus.BOOKED);
            }
        }
        if (listed.isEmpty()) {
            w.skipReason = c.kind() == NotificationKind.ESCALATION_SMS ? "acknowledged_or_gone" : "appointment_gone";
            return w;
        }
        w.live = listed;
        String link = null;
        if (c.kind().asksConfirmation()) {
            w.token = links.token(c.id());
            link = linkBaseUrl + w.token;
        }
        return target(w, c, contacts, devices, renderer.render(lang, c.kind(), c.channel(), listed, link),
                appointmentData(c, listed));
    }

    /** The push action category of reminders that ask the patient to confirm or cancel (see FcmPushChannel). */
    public static final String CONFIRM_CANCEL_CATEGORY = "creneau_confirm_cancel";

    /**
     * What the app needs to open or act on the appointment from a push: its id, and for a reminder asking to
     * confirm, the action category that shows Confirm/Cancel buttons. Ids only, nothing of the appointment.
     */
    static Map<String, String> appointmentData(Claimed c, List<AppointmentView> listed) {
        if (c.channel() != DeliveryChannel.PUSH || listed.isEmpty()) {
            return Map.of();
        }
        String id = Long.toString(c.appointmentId() != null && listed.stream().anyMatch(a -> a.id() == c.appointmentId())
                ? c.appointmentId() : listed.get(0).id());
        return c.kind().asksConfirmation()
                ? Map.of("appointmentId", id, "kind", c.kind().name(), "category", CONFIRM_CANCEL_CATEGORY)
                : Map.of("appointmentId", id, "kind", c.kind().name());
    }

    /** The request a REQUEST_ANSWERED push opens in the app: its id, nothing of its content. */
    private static Map<String, String> requestData(Claimed c) {
        JsonNode id = c.payload().path("requestId");
        return id.isMissingNode() || id.isNull() ? Map.of() : Map.of("requestId", id.asText());
    }

    /** The row's targets on its channel (the holder's choices at send time) and one message to each. */
    private static Work target(Work w, Claimed c, Map<Long, Contact> contacts, Map<Long, List<String>> devices,
                               RenderedMessage message, Map<String, String> data) {
        Contact contact = contacts.get(c.patientId());
        List<String> targets = new ArrayList<>();
        switch (c.channel()) {
            case PUSH -> {
                if (contact != null && contact.push() && c.accountId() != null) {
                    targets.addAll(devices.getOrDefault(c.accountId(), List.of()));
                }
            }
            case SMS -> {
                if (contact != null && contact.sms() && SmsNumbers.mobileE164(contact.phone()) != null) {
                    targets.add(contact.phone());
                }
            }
            case EMAIL -> {
                if (contact != null && contact.emailOn() && contact.email() != null && !contact.email().isBlank()) {
                    targets.add(contact.email());
                }
            }
        }
        if (targets.isEmpty()) {
            w.skipReason = "no_" + c.channel().name().toLowerCase() + "_target_or_opted_out";
            w.token = null; // no message, so no link to store
            return w;
        }
        for (String target : targets) {
            w.messages.add(new Outgoing(c.id(), idempotencyKey(c.id()), target, message, data));
        }
        return w;
    }

    public static String idempotencyKey(long outboxId) {
        return "creneau-" + outboxId;
    }

    private static List<AppointmentView> listed(Claimed c, Map<Long, AppointmentView> appointments) {
        Map<Long, AppointmentView> byId = new LinkedHashMap<>();
        for (JsonNode item : c.payload().path("appointments")) {
            AppointmentView a = appointments.get(item.path("id").asLong());
            if (a != null) {
                byId.put(a.id(), a);
            }
        }
        if (byId.isEmpty() && c.appointmentId() != null && appointments.containsKey(c.appointmentId())) {
            byId.put(c.appointmentId(), appointments.get(c.appointmentId()));
        }
        List<AppointmentView> out = new ArrayList<>(byId.values());
        out.sort((x, y) -> x.startsAt().compareTo(y.startsAt()));
        return out;
    }

    /** The start each listed appointment had when the message was planned (the last plan wins). */
    private static Map<Long, Instant> plannedStarts(Claimed c) {
        Map<Long, Instant> out = new HashMap<>();
        for (JsonNode item : c.payload().path("appointments")) {
            if (item.hasNonNull("startsAt")) {
                out.put(item.path("id").asLong(), Instant.parse(item.path("startsAt").asText()));
            }
        }
        return out;
    }

    private void saveLinks(List<Work> work) throws SQLException {
        List<Work> withLinks = new ArrayList<>();
        for (Work w : work) {
            if (w.token != null) {
                withLinks.add(w);
            }
        }
        if (withLinks.isEmpty()) {
            return;
        }
        // Stored before the send, so a link is valid as soon as it can reach anyone
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LINK)) {
            for (Work w : withLinks) {
                Long[] ids = new Long[w.live.size()];
                Instant expires = null;
                for (int i = 0; i < ids.length; i++) {
                    AppointmentView a = w.live.get(i);
                    ids[i] = a.id();
                    expires = expires == null || a.startsAt().isAfter(expires) ? a.startsAt() : expires;
                }
                ps.setString(1, LinkTokens.hash(w.token));
                ps.setLong(2, w.row.id());
                ps.setLong(3, w.row.patientId());
                ps.setObject(4, w.row.accountId());
                Array array = c.createArrayOf("bigint", ids);
                ps.setArray(5, array);
                ps.setTimestamp(6, Timestamp.from(expires));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---------------------------------------------------------------- send

    /** Answers false when interrupted: the caller then abandons the batch. */
    private boolean send(List<Work> work) {
        Map<DeliveryChannel, List<Outgoing>> byChannel = new EnumMap<>(DeliveryChannel.class);
        Map<Outgoing, Work> owner = new HashMap<>();
        for (Work w : work) {
            for (Outgoing o : w.messages) {
                byChannel.computeIfAbsent(w.row.channel(), k -> new ArrayList<>()).add(o);
                owner.put(o, w);
            }
        }
        for (Map.Entry<DeliveryChannel, List<Outgoing>> e : byChannel.entrySet()) {
            NotificationChannel channel = channels.get(e.getKey());
            List<Outgoing> all = e.getValue();
            for (int from = 0; from < all.size(); from += settings.sendChunk()) {
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
                List<Outgoing> chunk = all.subList(from, Math.min(all.size(), from + settings.sendChunk()));
                List<SendResult> results;
                if (channel == null) {
                    results = new ArrayList<>();
                    for (int i = 0; i < chunk.size(); i++) {
                        results.add(SendResult.retry("channel_not_configured"));
                    }
                } else {
                    results = channel.send(chunk);
                }
                for (int i = 0; i < chunk.size(); i++) {
                    owner.get(chunk.get(i)).results.add(results.get(i));
                }
            }
        }
        return !Thread.currentThread().isInterrupted();
    }

    // ---------------------------------------------------------------- mark

    private void mark(List<Work> work, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement mark = c.prepareStatement(MARK);
                 PreparedStatement attempt = c.prepareStatement(ATTEMPT);
                 PreparedStatement forget = c.prepareStatement("DELETE FROM device_token WHERE push_key = ?")) {
                Timestamp at = Timestamp.from(now);
                for (Work w : work) {
                    String status;
                    Instant retryAt = null;
                    String error = null;
                    if (w.skipReason != null) {
                        status = "SKIPPED";
                        error = w.skipReason;
                        addAttempt(attempt, w, null, SendResult.skipped(w.skipReason), at);
                    } else {
                        boolean sent = false;
                        boolean retry = false;
                        boolean gone = true;
                        for (int i = 0; i < w.results.size(); i++) {
                            SendResult r = w.results.get(i);
                            Outgoing o = w.messages.get(i);
                            addAttempt(attempt, w, o.target(), r, at);
                            sent |= r.outcome() == Outcome.SENT;
                            retry |= r.outcome() == Outcome.RETRY;
                            gone &= r.outcome() == Outcome.TARGET_GONE || r.outcome() == Outcome.SKIPPED;
                            if (r.outcome() == Outcome.TARGET_GONE) {
                                forget.setString(1, o.target());
                                forget.addBatch();
                            }
                            if (r.error() != null) {
                                error = r.error();
                            }
                        }
                        if (sent) {
                            status = "SENT";
                            error = null;
                        } else if (gone) {
                            status = "SKIPPED";
                        } else if (retry && w.row.attempts() < settings.maxAttempts()) {
                            status = "PENDING";
                            retryAt = now.plus(backoff(settings, w.row.attempts()));
                        } else {
                            status = "DEAD";
                        }
                    }
                    mark.setString(1, status);
                    mark.setTimestamp(2, retryAt == null ? null : Timestamp.from(retryAt));
                    mark.setString(3, error);
                    mark.setTimestamp(4, "SENT".equals(status) ? at : null);
                    mark.setLong(5, w.row.id());
                    mark.setString(6, workerId);
                    mark.addBatch();
                }
                forget.executeBatch();
                attempt.executeBatch();
                mark.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void addAttempt(PreparedStatement ps, Work w, String target, SendResult r, Timestamp at) throws SQLException {
        ps.setLong(1, w.row.id());
        ps.setInt(2, w.row.attempts());
        ps.setString(3, w.row.channel().name());
        ps.setString(4, workerId);
        ps.setString(5, mask(w.row.channel(), target));
        ps.setString(6, r.outcome() == Outcome.RETRY ? "FAILED" : r.outcome() == Outcome.TARGET_GONE ? "TOKEN_REMOVED"
                : r.outcome().name());
        ps.setString(7, r.providerRef());
        ps.setString(8, r.error() == null ? null : r.error().length() > 500 ? r.error().substring(0, 500) : r.error());
        ps.setTimestamp(9, at);
        ps.addBatch();
    }

    /** Attempts are kept for support: enough of the target to tell two apart, not the whole address. */
    static String mask(DeliveryChannel channel, String target) {
        if (target == null) {
            return null;
        }
        int keep = Math.min(4, target.length() / 3);
        return switch (channel) {
            case EMAIL -> {
                int at = target.indexOf('@');
                yield at > 1 ? target.charAt(0) + "***" + target.substring(at) : "***";
            }
            case SMS -> "***" + target.substring(target.length() - keep);
            case PUSH -> target.substring(0, Math.min(target.length(), 12)) + "...";
        };
    }
}
