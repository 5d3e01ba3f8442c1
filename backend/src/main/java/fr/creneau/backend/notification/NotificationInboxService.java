package fr.creneau.backend.notification;

import static fr.creneau.backend.platform.SqlValues.instant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.creneau.backend.appointment.AppointmentService;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.api.NotificationInboxDto;
import fr.creneau.model.api.NotificationItemDto;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The patient's in-app inbox, read from the outbox: the app is one more channel, so the inbox lists every
 * notification event that has fallen due, whether a push, an SMS or an email carried it, or none did (no device,
 * a channel turned off or not configured, a dispatcher that is not running). One event is the rows one
 * transaction wrote for one kind and one subject (a booking's confirmation by email and by push is one item).
 *
 * <p>An event is left out when it would have been dropped at send time: a reminder whose appointment is no
 * longer pending, unless it was actually sent. Texts are rendered like the push (same renderer, same privacy:
 * practice, date, time, address, the motive only when the practice opted it in), in the patient's language, from
 * the current rows.
 *
 * <p>Not journaled: the inbox shows what the push showed, no message content and no clinical detail, to the
 * account the notification was addressed to. Patient-practice messages, which the journal traces, are read
 * through the requests API, not here.
 */
@ApplicationScoped
public class NotificationInboxService {
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 50;
    static final int MAX_OFFSET = 10_000;

    /** Skip reasons that mean "this message no longer had a reason to exist" (see Dispatcher.prepare). */
    static final List<String> DROPPED = List.of("appointment_gone", "acknowledged_or_gone", "practice_gone",
            NotificationOutbox.OFFER_CLOSED);

    /**
     * A row fell due when its due time has passed, or when a dispatcher has tried it already: a failed send moves
     * due_at forward to the retry (backoff), and the notification must not vanish from the inbox meanwhile.
     */
    static final String FELL_DUE = "(o.due_at <= :now OR o.attempts > 0)";

    /** One event per kind, transaction (created_at) and subject, among the family's rows that fell due. */
    static final String EVENTS = "WITH ev AS (SELECT min(o.id) AS id,"
            + " min(COALESCE(o.sent_at, (SELECT min(t.at) FROM notification_attempt t WHERE t.outbox_id = o.id), o.due_at)) AS at,"
            + " bool_or(o.read_at IS NOT NULL) AS seen"
            + " FROM notification_outbox o"
            + " WHERE o.patient_id IN (SELECT p.id FROM patient p WHERE p.id = :me OR p.holder_id = :me)"
            + " AND " + FELL_DUE
            + " AND NOT (o.status = 'SKIPPED' AND o.last_error IN (:dropped))"
            + " AND (o.status IN ('SENT', 'SKIPPED', 'DEAD') OR o.appointment_id IS NULL OR o.kind NOT IN (:live)"
            + "   OR EXISTS (SELECT 1 FROM appointment a WHERE a.id = o.appointment_id AND a.status IN ('BOOKED', 'CONFIRMED')))"
            + " GROUP BY o.kind, o.created_at, o.appointment_id, o.payload ->> 'requestId', o.payload ->> 'offerId')";

    static final String PAGE = EVENTS + " SELECT ev.id, o.kind, CAST(floor(EXTRACT(EPOCH FROM ev.at) * 1000) AS bigint), ev.seen,"
            + " o.appointment_id, CAST(o.payload AS text), o.practice_id"
            + " FROM ev JOIN notification_outbox o ON o.id = ev.id ORDER BY ev.at DESC, ev.id DESC LIMIT :limit OFFSET :offset";

    static final String UNREAD = EVENTS + " SELECT count(*) FROM ev WHERE NOT ev.seen";

    static final String LANGUAGE = "SELECT language FROM notification_preference WHERE patient_id = :me";

    /** What the patient may do online about an appointment: its status, start and the practice's cutoff. */
    static final String CUTOFFS = "SELECT a.id, pr.cancellation_cutoff_hours FROM appointment a"
            + " JOIN practice pr ON pr.id = a.practice_id WHERE a.id IN (:ids)";

    static final String PRACTICES = "SELECT id, name FROM practice WHERE id IN (:ids)";

    static final String READ = "UPDATE notification_outbox o SET read_at = COALESCE(o.read_at, :now) WHERE o.id = :id"
            + " AND " + FELL_DUE + " AND o.patient_id IN (SELECT p.id FROM patient p WHERE p.id = :me OR p.holder_id = :me)";

    @Inject
    Clock clock;

    private final MessageRenderer renderer = new MessageRenderer();
    private final ObjectMapper json = new ObjectMapper();

    record Row(long id, NotificationKind kind, Instant at, boolean read, Long appointmentId, JsonNode payload, Long practiceId) {
    }

    public Uni<NotificationInboxDto> list(long patientId, int limit, int offset) {
        Instant now = clock.instant();
        OffsetDateTime nowParam = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(PAGE, Object[].class)
                .setParameter("me", patientId).setParameter("now", nowParam).setParameter("dropped", DROPPED)
                .setParameter("live", liveKinds()).setParameter("limit", limit + 1).setParameter("offset", offset)
                .getResultList()
                .chain(raw -> {
                    List<Row> rows = new ArrayList<>();
                    for (Object[] r : raw) {
                        rows.add(new Row(num(r[0]), kind((String) r[1]), Instant.ofEpochMilli(num(r[2])), Boolean.TRUE.equals(r[3]),
                                r[4] == null ? null : num(r[4]), parse((String) r[5]), r[6] == null ? null : num(r[6])));
                    }
                    boolean more = rows.size() > limit;
                    List<Row> page = more ? rows.subList(0, limit) : rows;
                    NotificationInboxDto dto = new NotificationInboxDto();
                    dto.nextOffset = more ? offset + limit : null;
                    return s.createNativeQuery(UNREAD, Long.class).setParameter("me", patientId).setParameter("now", nowParam)
                            .setParameter("dropped", DROPPED).setParameter("live", liveKinds()).getSingleResult()
                            .invoke(n -> dto.unread = n.intValue())
                            .chain(() -> render(s, patientId, page, now))
                            .map(items -> {
                                dto.items = items;
                                return dto;
                            });
                })));
    }

    /** Marks one of the patient's (or their relatives') notifications read; any other id is unknown (404). */
    public Uni<Void> markRead(long patientId, long id) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(READ)
                .setParameter("id", id).setParameter("me", patientId).setParameter("now", now)
                .executeUpdate()
                .invoke(n -> {
                    if (n == 0) {
                        throw ProblemException.notFound("Notification");
                    }
                })
                .replaceWithVoid()));
    }

    // ---------------------------------------------------------------- rendering

    private Uni<List<NotificationItemDto>> render(Mutiny.Session s, long patientId, List<Row> page, Instant now) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<Long> appointmentIds = new LinkedHashSet<>();
        Set<Long> practiceIds = new LinkedHashSet<>();
        for (Row r : page) {
            appointmentIds.addAll(listedIds(r));
            if (r.practiceId() != null) {
                practiceIds.add(r.practiceId());
            }
        }
        Map<Long, AppointmentView> views = new HashMap<>();
        Map<Long, Integer> cutoffs = new HashMap<>();
        Map<Long, String> practices = new HashMap<>();
        Uni<Void> load = Uni.createFrom().voidItem();
        if (!appointmentIds.isEmpty()) {
            List<Long> ids = new ArrayList<>(appointmentIds);
            // The dispatcher's own query: same columns, same privacy rule for the motive label
            load = load.chain(() -> s.createNativeQuery(Dispatcher.APPOINTMENTS.replace("= ANY(?)", "IN (:ids)"), Object[].class)
                            .setParameter("ids", ids).getResultList())
                    .invoke(rows -> {
                        for (Object[] r : rows) {
                            views.put(num(r[0]), new AppointmentView(num(r[0]), AppointmentStatus.valueOf((String) r[1]),
                                    instant(r[2]), instant(r[3]), (String) r[4], (String) r[5], ZoneId.of((String) r[6]),
                                    (String) r[7], (String) r[8], (String) r[9]));
                        }
                    })
                    .chain(() -> s.createNativeQuery(CUTOFFS, Object[].class).setParameter("ids", ids).getResultList())
                    .invoke(rows -> {
                        for (Object[] r : rows) {
                            cutoffs.put(num(r[0]), (int) num(r[1]));
                        }
                    })
                    .replaceWithVoid();
        }
        if (!practiceIds.isEmpty()) {
            load = load.chain(() -> s.createNativeQuery(PRACTICES, Object[].class)
                            .setParameter("ids", new ArrayList<>(practiceIds)).getResultList())
                    .invoke(rows -> {
                        for (Object[] r : rows) {
                            practices.put(num(r[0]), (String) r[1]);
                        }
                    })
                    .replaceWithVoid();
        }
        return load.chain(() -> s.createNativeQuery(LANGUAGE, String.class).setParameter("me", patientId).getSingleResultOrNull())
                .map(code -> {
                    Language lang = Language.of(code);
                    List<NotificationItemDto> out = new ArrayList<>();
                    for (Row r : page) {
                        out.add(item(lang, r, views, cutoffs, practices, now));
                    }
                    return out;
                });
    }

    private NotificationItemDto item(Language lang, Row r, Map<Long, AppointmentView> views, Map<Long, Integer> cutoffs,
                                     Map<Long, String> practices, Instant now) {
        NotificationItemDto d = new NotificationItemDto();
        d.id = r.id();
        d.kind = r.kind().name();
        d.at = r.at().toString();
        d.read = r.read();
        d.requestId = longOrNull(r.payload().path("requestId"));
        d.offerId = longOrNull(r.payload().path("offerId"));
        d.actions = new ArrayList<>();
        String practiceName = r.practiceId() == null ? null : practices.get(r.practiceId());
        RenderedMessage m = null;
        if (r.kind() == NotificationKind.WAITLIST_OFFER) {
            String day = r.payload().path("localDate").asText("");
            String time = r.payload().path("localTime").asText("");
            if (practiceName != null && !day.isEmpty() && !time.isEmpty()) {
                m = renderer.renderWaitlistOffer(lang, practiceName, LocalDate.parse(day), time);
            }
        } else if (r.kind().aboutRequest()) {
            if (practiceName != null) {
                m = renderer.renderRequestAnswered(lang, practiceName);
            }
        } else {
            List<AppointmentView> listed = new ArrayList<>();
            for (Long id : listedIds(r)) {
                if (views.containsKey(id)) {
                    listed.add(views.get(id));
                }
            }
            listed.sort((x, y) -> x.startsAt().compareTo(y.startsAt()));
            if (!listed.isEmpty()) {
                // The push form, without the link: the app offers the actions as buttons
                m = renderer.render(lang, r.kind(), DeliveryChannel.PUSH, listed, null);
                AppointmentView subject = r.appointmentId() != null && views.containsKey(r.appointmentId())
                        ? views.get(r.appointmentId()) : listed.get(0);
                d.appointmentId = subject.id();
                actions(d, subject, cutoffs.get(subject.id()), now);
            } else {
                d.appointmentId = r.appointmentId();
            }
        }
        d.title = m != null ? m.title() : MessageRenderer.title(lang, r.kind());
        d.body = m != null ? m.shortText() : "";
        return d;
    }

    /**
     * CONFIRM and CANCEL exactly when the appointment service would accept them from the patient now (state
     * machine, cancellation cutoff), and only for an appointment still to come.
     */
    static void actions(NotificationItemDto d, AppointmentView a, Integer cutoffHours, Instant now) {
        if (!a.startsAt().isAfter(now)) {
            return;
        }
        if (a.status().canMoveTo(AppointmentStatus.CONFIRMED, Role.PATIENT)) {
            d.actions.add(NotificationItemDto.CONFIRM);
        }
        if (cutoffHours != null && a.status().canMoveTo(AppointmentStatus.CANCELLED_BY_PATIENT, Role.PATIENT)
                && AppointmentService.beforeCancelCutoff(a.startsAt(), cutoffHours, now)) {
            d.actions.add(NotificationItemDto.CANCEL);
        }
    }

    private static List<Long> listedIds(Row r) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : r.payload().path("appointments")) {
            if (item.hasNonNull("id")) {
                ids.add(item.path("id").asLong());
            }
        }
        if (ids.isEmpty() && r.appointmentId() != null && r.kind() != NotificationKind.WAITLIST_OFFER
                && !r.kind().aboutRequest()) {
            ids.add(r.appointmentId());
        }
        return ids;
    }

    private static List<String> liveKinds() {
        List<String> out = new ArrayList<>();
        for (NotificationKind k : NotificationKind.values()) {
            if (k.needsLiveAppointment()) {
                out.add(k.name());
            }
        }
        return out;
    }

    private static NotificationKind kind(String name) {
        return NotificationKind.valueOf(name); // the column only holds names this enum wrote
    }

    private static Long longOrNull(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asLong();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

}
