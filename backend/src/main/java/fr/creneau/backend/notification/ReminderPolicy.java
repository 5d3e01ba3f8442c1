package fr.creneau.backend.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When and where each message about an appointment goes. Pure: it reads "now" from the injected clock and
 * nothing else, so that tests move time and check every rule.
 *
 * <ul>
 *   <li>a confirmation right after booking (email, and push or else SMS);</li>
 *   <li>an email a week before, if booked earlier than that;</li>
 *   <li>48 h before (24 h when booked later) a push asking to confirm or cancel, followed by an SMS if the
 *       patient has not confirmed within {@code escalateAfter};</li>
 *   <li>a short reminder 2 h before (push, else SMS);</li>
 *   <li>quiet hours for push and SMS; one message per patient, day, kind and channel (the group key).</li>
 * </ul>
 */
public final class ReminderPolicy {
    private final Clock clock;

    public ReminderPolicy(Clock clock) {
        this.clock = clock;
    }

    /** The facts the policy needs about one appointment and its recipient. */
    public record Subject(Instant startsAt, ZoneId zone, long recipientPatientId, PolicySettings settings,
                          Reachability reach) {
    }

    public List<PlannedNotification> onBooked(Subject s) {
        List<PlannedNotification> out = new ArrayList<>();
        if (s.settings().sendConfirmation()) {
            immediate(s, NotificationKind.BOOKED_CONFIRMATION, out);
        }
        reminders(s, out);
        return out;
    }

    /** The move is announced at once, then the reminders start over for the new time. */
    public List<PlannedNotification> onMoved(Subject s) {
        List<PlannedNotification> out = new ArrayList<>();
        immediate(s, NotificationKind.MOVED, out);
        reminders(s, out);
        return out;
    }

    /**
     * A patient who cancels gets an email receipt; a cancellation by the practice also goes by push or SMS,
     * because the patient may be on their way. Pending reminders die by themselves: the dispatcher drops
     * reminders whose appointment is no longer live.
     */
    public List<PlannedNotification> onCancelled(Subject s, boolean byPractice) {
        List<PlannedNotification> out = new ArrayList<>();
        Instant now = clock.instant();
        if (!s.startsAt().isAfter(now)) {
            return out;
        }
        if (byPractice) {
            immediate(s, NotificationKind.CANCELLED, out);
        } else if (s.reach().email()) {
            out.add(new PlannedNotification(NotificationKind.CANCELLED, DeliveryChannel.EMAIL, now, null));
        }
        return out;
    }

    private void immediate(Subject s, NotificationKind kind, List<PlannedNotification> out) {
        Instant now = clock.instant();
        Reachability r = s.reach();
        if (r.email()) {
            out.add(new PlannedNotification(kind, DeliveryChannel.EMAIL, now, null));
        }
        DeliveryChannel fast = r.push() ? DeliveryChannel.PUSH : r.sms() ? DeliveryChannel.SMS : null;
        if (fast != null && (fast == DeliveryChannel.PUSH || !r.email())) {
            // An SMS only when email cannot carry the news: SMS costs the practice money
            out.add(new PlannedNotification(kind, fast, quiet(s, now), null));
        }
    }

    private void reminders(Subject s, List<PlannedNotification> out) {
        Instant now = clock.instant();
        Instant start = s.startsAt();
        PolicySettings p = s.settings();
        Reachability r = s.reach();

        Instant week = start.minus(Duration.ofDays(7));
        if (p.weekReminder() && r.email() && week.isAfter(now)) {
            out.add(grouped(s, NotificationKind.REMINDER_WEEK, DeliveryChannel.EMAIL, week));
        }

        Instant ask = start.minus(p.confirmRequest());
        if (!ask.isAfter(now)) {
            ask = start.minus(p.lateConfirmRequest());
        }
        if (ask.isAfter(now)) {
            DeliveryChannel channel = r.push() ? DeliveryChannel.PUSH : r.sms() ? DeliveryChannel.SMS
                    : r.email() ? DeliveryChannel.EMAIL : null;
            if (channel != null) {
                Instant askAt = channel.intrusive() ? quiet(s, ask) : ask;
                out.add(grouped(s, NotificationKind.REMINDER_48H_CONFIRM, channel, askAt));
                if (channel != DeliveryChannel.SMS && r.sms()) {
                    Instant escalate = quiet(s, askAt.plus(p.escalateAfter()));
                    if (escalate.isBefore(start.minus(p.shortReminder()))) {
                        out.add(grouped(s, NotificationKind.ESCALATION_SMS, DeliveryChannel.SMS, escalate));
                    }
                }
            }
        }

        if (!p.shortReminder().isZero()) {
            Instant shortAt = start.minus(p.shortReminder());
            DeliveryChannel channel = r.push() ? DeliveryChannel.PUSH : r.sms() ? DeliveryChannel.SMS : null;
            if (shortAt.isAfter(now) && channel != null) {
                out.add(grouped(s, NotificationKind.REMINDER_2H, channel, quiet(s, shortAt)));
            }
        }
    }

    private PlannedNotification grouped(Subject s, NotificationKind kind, DeliveryChannel channel, Instant due) {
        return new PlannedNotification(kind, channel, due, groupKey(s.recipientPatientId(),
                s.startsAt().atZone(s.zone()).toLocalDate().toString(), kind, channel));
    }

    static String groupKey(long recipientPatientId, String localDate, NotificationKind kind, DeliveryChannel channel) {
        return "p" + recipientPatientId + ":" + localDate + ":" + kind + ":" + channel;
    }

    private static Instant quiet(Subject s, Instant due) {
        return QuietHours.adjust(due, s.startsAt(), s.zone(), s.settings().quietStart(), s.settings().quietEnd());
    }
}
