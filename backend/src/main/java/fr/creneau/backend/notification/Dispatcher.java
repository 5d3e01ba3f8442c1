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
 * The window is small (the send chunk in flight: rows are marked chunk by chunk) and only opens when a worker dies
 * or overruns its lease; the lease must therefore be much longer than a chunk takes, and a worker stops sending
 * the rest of its batch once half its lease has gone by (a slow provider), leaving those rows to the lease.
 *
 * <p>The dispatcher uses blocking JDBC on its own threads, not the request path's reactive session: it runs on
 * the scheduler's worker threads, and blocking provider SDKs (Firebase, SMTP) would block the event loop anyway.
 *
 * <p>An interrupted worker stops at once, between two send chunks, without marking anything: it behaves as a
 * killed process would, and the leases recover its rows.
 */
public final class Dispatcher {
    /**
     * Expired leases first, then due rows, each through its own partial index in index order, so that a claim
     * reads about {@code batchSize} index entries instead of every due row (one condition with an OR could use
     * neither index order and sorted the whole backlog on every claim: 1.1 s per claim with 60,000 rows due).
     */
    static final String CLAIM = "WITH expired AS ("
            + " SELECT id FROM notification_outbox WHERE status = 'SENDING' AND lease_until <= ?"
            + " ORDER BY lease_until LIMIT ? FOR UPDATE SKIP LOCKED),"
            + " pending AS ("
            + " SELECT id FROM notification_outbox WHERE status = 'PENDING' AND due_at <= ?"
            + " ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED),"
            + " due AS (SELECT id FROM expired UNION ALL SELECT id FROM pending LIMIT ?)"
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
            + " appointment_ids, expires_at, purpose) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (outbox_id) DO NOTHING";

    /** A chunk's rows in one statement (arrays of equal length), only those this worker still holds. */
    static final String MARK = "UPDATE notification_outbox o SET status = m.status, due_at = COALESCE(m.retry_at::timestamptz, o.due_at),"
            + " last_error = m.error, sent_at = m.sent_at::timestamptz, lease_until = NULL, locked_by = NULL"
            + " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) AS m(id, status, retry_at, error, sent_at)"
            + " WHERE o.id = m.id AND o.locked_by = ? AND o.status = 'SENDING'";

    /** One attempt row per target, a chunk's in one statement. */
    static final String ATTEMPT = "INSERT INTO notification_attempt (outbox_id, attempt, channel, worker, target, outcome,"
            + " provider_ref, error, at) SELECT a.outbox_id, a.attempt, a.channel, ?, a.target, a.outcome, a.provider_ref, a.error, ?"
            + " FROM unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " AS a(outbox_id, attempt, channel, target, outcome, provider_ref, error)";

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
        List<Work> skipped = new ArrayList<>();
        for (Work w : work) {
            if (w.messages.isEmpty()) {
                skipped.add(w);
            }
        }
        if (!skipped.isEmpty()) {
            mark(skipped, clock.instant());
        }
        // Sent and marked chunk by chunk: a death loses (re-sends) at most the chunk in flight, not the batch
        Instant stopSendingAt = now.plus(settings.lease().dividedBy(2));
        for (List<Work> chunk : chunks(work)) {
            if (Thread.currentThread().isInterrupted()) {
                return claimed.size(); // die like a killed process: leases will recover the rows
            }
            if (clock.instant().isAfter(stopSendingAt)) {
                // A slow provider ate half the lease: the rest would risk going out twice (once here, once by the
                // worker that claims them when the lease ends). Leave them; they come back after the lease.
                return claimed.size();
            }
            send(chunk);
            if (Thread.currentThread().isInterrupted()) {
                return claimed.size();
            }
            mark(chunk, clock.instant());
        }
        return claimed.size();
    }

    /** Rows to send, grouped by channel, in chunks of whole rows of about {@code sendChunk} messages. */
    private List<List<Work>> chunks(List<Work> work) {
        Map<DeliveryChannel, List<Work>> byChannel = new EnumMap<>(DeliveryChannel.class);
        for (Work w : work) {
            if (!w.messages.isEmpty()) {
                byChannel.computeIfAbsent(w.row.channel(), k -> new ArrayList<>()).add(w);
            }
        }
        List<List<Work>> out = new ArrayList<>();
        for (List<Work> rows : byChannel.values()) {
            List<Work> chunk = new ArrayList<>();
            int size = 0;
            for (Work w : rows) {
                if (!chunk.isEmpty() && size + w.messages.size() > settings.sendChunk()) {
                    out.add(chunk);
                    chunk = new ArrayList<>();
                    size = 0;
                }
                chunk.add(w);
                size += w.messages.size();
            }
            if (!chunk.isEmpty()) {
                out.add(chunk);
            }
        }
        return out;
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
            ps.setInt(2, settings.batchSize());
            ps.setTimestamp(3, ts);
            ps.setInt(4, settings.batchSize());
            ps.setInt(5, settings.batchSize());
            ps.setTimestamp(6, Timestamp.from(now.plus(settings.lease())));
            ps.setString(7, workerId);
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
        /** What the link may do, and until when when that is not the last appointment's start (absence notices). */
        String linkPurpose = "CONFIRM";
        Instant linkExpires;

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
        if (c.kind().aboutAbsence()) {
            return prepareAbsence(w, c, lang, appointments, contacts, devices);
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

    // ---------------------------------------------------------------- absences and their fallout

    /**
     * An appointment an absence cancelled (so not live, on purpose): the notice carries the emergency number and the
     * substitute from the row's payload, and for ABSENCE_PROPOSAL the proposed times and a single-use link to
     * choose one, valid until the last proposed slot. The link's path differs from confirm/cancel links ("p/").
     */
    private Work prepareAbsence(Work w, Claimed c, Language lang, Map<Long, AppointmentView> appointments,
                                Map<Long, Contact> contacts, Map<Long, List<String>> devices) {
        List<AppointmentView> listed = listed(c, appointments);
        if (listed.isEmpty()) {
            w.skipReason = "appointment_gone";
            return w;
        }
        JsonNode p = c.payload();
        List<Instant> proposals = new ArrayList<>();
        for (JsonNode item : p.path("proposals")) {
            proposals.add(Instant.parse(item.path("start").asText()));
        }
        String link = null;
        Map<String, String> data = Map.of();
        if (c.kind() == NotificationKind.ABSENCE_PROPOSAL) {
            if (proposals.isEmpty() || !p.hasNonNull("expiresAt")) {
                w.skipReason = "no_proposal";
                return w;
            }
            w.token = links.token(c.id());
            w.linkPurpose = "ABSENCE_PROPOSAL";
            w.linkExpires = Instant.parse(p.path("expiresAt").asText());
            link = linkBaseUrl + "p/" + w.token;
            data = Map.of("absenceDecisionId", p.path("decisionId").asText());
        }
        w.live = List.of(listed.get(0));
        MessageRenderer.AbsenceNotice notice = new MessageRenderer.AbsenceNotice(text(p, "emergencyNumber"),
                text(p, "substitute"), proposals);
        return target(w, c, contacts, devices, renderer.renderAbsence(lang, c.kind(), c.channel(), listed.get(0), notice, link),
                data);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
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
                ps.setTimestamp(6, Timestamp.from(w.linkExpires != null ? w.linkExpires : expires));
                ps.setString(7, w.linkPurpose);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---------------------------------------------------------------- send

    /** Sends one chunk (rows of one channel) and records each message's result on its row. */
    private void send(List<Work> chunk) {
        NotificationChannel channel = channels.get(chunk.get(0).row.channel());
        List<Outgoing> all = new ArrayList<>();
        for (Work w : chunk) {
            all.addAll(w.messages);
        }
        List<SendResult> results;
        if (channel == null) {
            results = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                results.add(SendResult.retry("channel_not_configured"));
            }
        } else {
            results = channel.send(all);
        }
        int i = 0;
        for (Work w : chunk) {
            for (int j = 0; j < w.messages.size(); j++) {
                w.results.add(results.get(i++));
            }
        }
    }

    // ---------------------------------------------------------------- mark

    private void mark(List<Work> work, Instant now) throws SQLException {
        Marks marks = new Marks();
        List<String> forget = new ArrayList<>();
        String at = now.toString();
        for (Work w : work) {
            String status;
            Instant retryAt = null;
            String error = null;
            if (w.skipReason != null) {
                status = "SKIPPED";
                error = w.skipReason;
                marks.attempt(w, null, SendResult.skipped(w.skipReason));
            } else {
                boolean sent = false;
                boolean retry = false;
                boolean gone = true;
                for (int i = 0; i < w.results.size(); i++) {
                    SendResult r = w.results.get(i);
                    Outgoing o = w.messages.get(i);
                    marks.attempt(w, o.target(), r);
                    sent |= r.outcome() == Outcome.SENT;
                    retry |= r.outcome() == Outcome.RETRY;
                    gone &= r.outcome() == Outcome.TARGET_GONE || r.outcome() == Outcome.SKIPPED;
                    if (r.outcome() == Outcome.TARGET_GONE) {
                        forget.add(o.target());
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
            marks.ids.add(w.row.id());
            marks.statuses.add(status);
            marks.retryAts.add(retryAt == null ? null : retryAt.toString());
            marks.errors.add(error);
            marks.sentAts.add("SENT".equals(status) ? at : null);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!forget.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM device_token WHERE push_key = ANY(?)")) {
                        ps.setArray(1, c.createArrayOf("text", forget.toArray()));
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(ATTEMPT)) {
                    ps.setString(1, workerId);
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setArray(3, c.createArrayOf("bigint", marks.attemptOutbox.toArray()));
                    ps.setArray(4, c.createArrayOf("int4", marks.attemptNumber.toArray()));
                    ps.setArray(5, c.createArrayOf("text", marks.attemptChannel.toArray()));
                    ps.setArray(6, c.createArrayOf("text", marks.attemptTarget.toArray()));
                    ps.setArray(7, c.createArrayOf("text", marks.attemptOutcome.toArray()));
                    ps.setArray(8, c.createArrayOf("text", marks.attemptRef.toArray()));
                    ps.setArray(9, c.createArrayOf("text", marks.attemptError.toArray()));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(MARK)) {
                    ps.setArray(1, c.createArrayOf("bigint", marks.ids.toArray()));
                    ps.setArray(2, c.createArrayOf("text", marks.statuses.toArray()));
                    ps.setArray(3, c.createArrayOf("text", marks.retryAts.toArray()));
                    ps.setArray(4, c.createArrayOf("text", marks.errors.toArray()));
                    ps.setArray(5, c.createArrayOf("text", marks.sentAts.toArray()));
                    ps.setString(6, workerId);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The columns of a chunk's marks and attempts, as parallel lists (one array parameter each). */
    private static final class Marks {
        final List<Long> ids = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();
        final List<String> retryAts = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<String> sentAts = new ArrayList<>();
        final List<Long> attemptOutbox = new ArrayList<>();
        final List<Integer> attemptNumber = new ArrayList<>();
        final List<String> attemptChannel = new ArrayList<>();
        final List<String> attemptTarget = new ArrayList<>();
        final List<String> attemptOutcome = new ArrayList<>();
        final List<String> attemptRef = new ArrayList<>();
        final List<String> attemptError = new ArrayList<>();

        void attempt(Work w, String target, SendResult r) {
            attemptOutbox.add(w.row.id());
            attemptNumber.add(w.row.attempts());
            attemptChannel.add(w.row.channel().name());
            attemptTarget.add(mask(w.row.channel(), target));
            attemptOutcome.add(r.outcome() == Outcome.RETRY ? "FAILED" : r.outcome() == Outcome.TARGET_GONE ? "TOKEN_REMOVED"
                    : r.outcome().name());
            attemptRef.add(r.providerRef());
            attemptError.add(r.error() == null ? null : r.error().length() > 500 ? r.error().substring(0, 500) : r.error());
        }
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
