package fr.creneau.backend.notification;

import fr.creneau.backend.appointment.Appointment;
import fr.creneau.model.rules.AppointmentStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the appointment service calls when an appointment changes, inside the same transaction and after the
 * change is flushed (so that the appointment has its id). It reads the practice's policy and the patient's
 * choices, asks {@link ReminderPolicy} for the plan and writes it to the outbox.
 */
@ApplicationScoped
public class AppointmentNotifications {
    /**
     * Messages go to the account that holds the patient (a parent for a child), with the holder's choices and,
     * when the patient has none of their own, the holder's phone and email.
     */
    static final String FACTS = "SELECT pr.timezone,"
            + " COALESCE(np.send_confirmation, TRUE), COALESCE(np.week_reminder, TRUE),"
            + " COALESCE(np.confirm_request_hours, 48), COALESCE(np.late_confirm_request_hours, 24),"
            + " COALESCE(np.escalate_after_hours, 4), COALESCE(np.short_reminder_minutes, 120),"
            + " " + QuietHours.COLUMNS + ","
            + " COALESCE(pref.push_enabled, TRUE), COALESCE(pref.sms_enabled, TRUE), COALESCE(pref.email_enabled, TRUE),"
            + " COALESCE(pt.phone, h.phone), COALESCE(pt.email, h.email), acc.id,"
            + " (SELECT count(*) FROM device_token d WHERE d.account_id = acc.id), COALESCE(pt.holder_id, pt.id)"
            + " FROM practice pr"
            + " JOIN patient pt ON pt.id = :patient"
            + " LEFT JOIN patient h ON h.id = pt.holder_id"
            + " LEFT JOIN notification_policy np ON np.practice_id = pr.id"
            + " LEFT JOIN notification_preference pref ON pref.patient_id = COALESCE(pt.holder_id, pt.id)"
            + " LEFT JOIN LATERAL (SELECT a.id FROM account a WHERE a.patient_id = COALESCE(pt.holder_id, pt.id)"
            + "   ORDER BY a.id LIMIT 1) acc ON TRUE"
            + " WHERE pr.id = :practice";

    @Inject
    NotificationOutbox outbox;

    @Inject
    Clock clock;

    /** Call after the booking is flushed, in its transaction. */
    public Uni<Void> booked(Appointment a) {
        return plan(a, (policy, subject) -> policy.onBooked(subject));
    }

    /** Call after a reschedule is flushed (new start, practitioner or site), in its transaction. */
    public Uni<Void> moved(Appointment a) {
        return plan(a, (policy, subject) -> policy.onMoved(subject));
    }

    /**
     * Call after any status change is flushed, in its transaction. Only cancellations send something; a
     * confirmation simply makes the pending escalation SMS drop at send time.
     */
    public Uni<Void> statusChanged(Appointment a) {
        if (a.status == AppointmentStatus.CANCELLED_BY_PATIENT || a.status == AppointmentStatus.CANCELLED_BY_PRACTICE) {
            boolean byPractice = a.status == AppointmentStatus.CANCELLED_BY_PRACTICE;
            return plan(a, (policy, subject) -> policy.onCancelled(subject, byPractice));
        }
        return Uni.createFrom().voidItem();
    }

    interface Planner {
        List<PlannedNotification> plan(ReminderPolicy policy, ReminderPolicy.Subject subject);
    }

    private Uni<Void> plan(Appointment a, Planner planner) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(FACTS, Object[].class)
                        .setParameter("patient", a.patientId)
                        .setParameter("practice", a.practiceId)
                        .getSingleResultOrNull())
                .chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().voidItem();
                    }
                    ZoneId zone = ZoneId.of((String) row[0]);
                    PolicySettings settings = new PolicySettings(bool(row[1]), bool(row[2]),
                            Duration.ofHours(num(row[3])), Duration.ofHours(num(row[4])), Duration.ofHours(num(row[5])),
                            Duration.ofMinutes(num(row[6])), LocalTime.parse((String) row[7]), LocalTime.parse((String) row[8]));
                    String phone = (String) row[12];
                    String email = (String) row[13];
                    Long accountId = row[14] == null ? null : num(row[14]);
                    long devices = num(row[15]);
                    long recipient = num(row[16]);
                    Reachability reach = new Reachability(bool(row[9]) && devices > 0,
                            bool(row[10]) && SmsNumbers.mobileE164(phone) != null,
                            bool(row[11]) && email != null && !email.isBlank());
                    ReminderPolicy.Subject subject = new ReminderPolicy.Subject(a.startsAt, zone, recipient, settings, reach);
                    List<OutboxEntry> entries = new ArrayList<>();
                    for (PlannedNotification p : planner.plan(new ReminderPolicy(clock), subject)) {
                        entries.add(new OutboxEntry(a.id, a.patientId, accountId, a.practiceId, p.channel(), p.kind(),
                                p.dueAt(), payload(a), p.groupKey()));
                    }
                    return outbox.enqueue(entries);
                });
    }

    /** The appointment and the start it was planned for: a reminder whose appointment has moved since is dropped. */
    static Map<String, Object> payload(Appointment a) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", a.id);
        item.put("startsAt", a.startsAt.toString());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("appointments", List.of(item));
        return payload;
    }

    private static boolean bool(Object o) {
        return Boolean.TRUE.equals(o);
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
