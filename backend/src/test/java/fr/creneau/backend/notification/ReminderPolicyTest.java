package fr.creneau.backend.notification;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static fr.creneau.backend.notification.DeliveryChannel.EMAIL;
import static fr.creneau.backend.notification.DeliveryChannel.PUSH;
import static fr.creneau.backend.notification.DeliveryChannel.SMS;
import static fr.creneau.backend.notification.NotificationKind.BOOKED_CONFIRMATION;
import static fr.creneau.backend.notification.NotificationKind.CANCELLED;
import static fr.creneau.backend.notification.NotificationKind.ESCALATION_SMS;
import static fr.creneau.backend.notification.NotificationKind.MOVED;
import static fr.creneau.backend.notification.NotificationKind.REMINDER_2H;
import static fr.creneau.backend.notification.NotificationKind.REMINDER_48H_CONFIRM;
import static fr.creneau.backend.notification.NotificationKind.REMINDER_WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every rule of the reminder policy, with the clock moved to the moment of booking. */
class ReminderPolicyTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Reachability ALL = new Reachability(true, true, true);

    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    static ReminderPolicy at(String localDateTime) {
        return new ReminderPolicy(Clock.fixed(paris(localDateTime), ZoneOffset.UTC));
    }

    static ReminderPolicy.Subject subject(String start, Reachability reach) {
        return new ReminderPolicy.Subject(paris(start), PARIS, 42L, PolicySettings.DEFAULTS, reach);
    }

    @Test
    void bookedTwoWeeksAheadGetsEveryMessageAtItsTime() {
        // Tuesday 10:00 for Wednesday two weeks later at 10:30
        List<PlannedNotification> plan = at("2026-04-07T10:00").onBooked(subject("2026-04-22T10:30", ALL));
        assertThat(plan).extracting(PlannedNotification::kind, PlannedNotification::channel, PlannedNotification::dueAt)
                .containsExactly(
                        tuple(BOOKED_CONFIRMATION, EMAIL, paris("2026-04-07T10:00")),
                        tuple(BOOKED_CONFIRMATION, PUSH, paris("2026-04-07T10:00")),
                        tuple(REMINDER_WEEK, EMAIL, paris("2026-04-15T10:30")),
                        tuple(REMINDER_48H_CONFIRM, PUSH, paris("2026-04-20T10:30")),
                        tuple(ESCALATION_SMS, SMS, paris("2026-04-20T14:30")),
                        tuple(REMINDER_2H, PUSH, paris("2026-04-22T08:30")));
    }

    @Test
    void bookedLaterThan48hAsksToConfirm24hBeforeAndSkipsTheWeekEmail() {
        List<PlannedNotification> plan = at("2026-04-20T12:00").onBooked(subject("2026-04-22T10:30", ALL));
        assertThat(plan).extracting(PlannedNotification::kind, PlannedNotification::dueAt)
                .contains(tuple(REMINDER_48H_CONFIRM, paris("2026-04-21T10:30")))
                .doesNotContain(tuple(REMINDER_WEEK, paris("2026-04-15T10:30")));
        assertThat(plan).extracting(PlannedNotification::kind).doesNotContain(REMINDER_WEEK);
    }

    @Test
    void bookedForTomorrowMorningGetsNoConfirmRequestOnlyTheShortReminder() {
        List<PlannedNotification> plan = at("2026-04-21T16:00").onBooked(subject("2026-04-22T10:30", ALL));
        assertThat(plan).extracting(PlannedNotification::kind)
                .containsExactly(BOOKED_CONFIRMATION, BOOKED_CONFIRMATION, REMINDER_2H);
    }

    @Test
    void bookedWithinTwoHoursGetsTheConfirmationOnly() {
        List<PlannedNotification> plan = at("2026-04-22T09:00").onBooked(subject("2026-04-22T10:30", ALL));
        assertThat(plan).extracting(PlannedNotification::kind).containsOnly(BOOKED_CONFIRMATION);
    }

    @Test
    void quietHoursPushTheConfirmRequestToEightOClock() {
        // 48 h before a 22:00 slot is 22:00 local: quiet, so 08:00 the day after; escalation 4 h later
        List<PlannedNotification> plan = at("2026-04-01T10:00").onBooked(subject("2026-04-10T22:00", ALL));
        assertThat(plan).extracting(PlannedNotification::kind, PlannedNotification::dueAt)
                .contains(tuple(REMINDER_48H_CONFIRM, paris("2026-04-09T08:00")),
                        tuple(ESCALATION_SMS, paris("2026-04-09T12:00")),
                        tuple(REMINDER_2H, paris("2026-04-10T20:00")));
    }

    @Test
    void shortReminderInQuietHoursWaitsForEightUnlessTheAppointmentIsSooner() {
        // 09:30 appointment: 2 h before is 07:30, quiet; 08:00 still comes before the appointment
        assertThat(dueOf(at("2026-04-01T10:00").onBooked(subject("2026-04-10T09:30", ALL)), REMINDER_2H))
                .isEqualTo(paris("2026-04-10T08:00"));
        // 07:45 appointment: waiting for 08:00 would be too late, so 05:45 it is
        assertThat(dueOf(at("2026-04-01T10:00").onBooked(subject("2026-04-10T07:45", ALL)), REMINDER_2H))
                .isEqualTo(paris("2026-04-10T05:45"));
    }

    @Test
    void emailIgnoresQuietHours() {
        // Booked at 23:30 for next week: the email confirmation goes now, the push at 08:00
        List<PlannedNotification> plan = at("2026-04-01T23:30").onBooked(subject("2026-04-10T10:00", ALL));
        assertThat(plan).extracting(PlannedNotification::kind, PlannedNotification::channel, PlannedNotification::dueAt)
                .contains(tuple(BOOKED_CONFIRMATION, EMAIL, paris("2026-04-01T23:30")),
                        tuple(BOOKED_CONFIRMATION, PUSH, paris("2026-04-02T08:00")));
    }

    @Test
    void quietHoursFollowThePracticeTimezoneAcrossDst() {
        // 29 March 2026: Paris goes to summer time. 07:30 local is quiet whatever the UTC offset
        Instant due = paris("2026-03-29T07:30");
        assertThat(QuietHours.adjust(due, paris("2026-03-29T11:00"), PARIS, PolicySettings.DEFAULTS.quietStart(),
                PolicySettings.DEFAULTS.quietEnd())).isEqualTo(paris("2026-03-29T08:00"));
        assertThat(QuietHours.adjust(paris("2026-03-29T20:59"), paris("2026-03-30T11:00"), PARIS,
                PolicySettings.DEFAULTS.quietStart(), PolicySettings.DEFAULTS.quietEnd())).isEqualTo(paris("2026-03-29T20:59"));
    }

    @Test
    void withoutAnAppTheConfirmRequestGoesBySmsAndIsNotEscalated() {
        List<PlannedNotification> plan = at("2026-04-07T10:00").onBooked(subject("2026-04-22T10:30",
                new Reachability(false, true, true)));
        assertThat(plan).extracting(PlannedNotification::kind, PlannedNotification::channel)
                .contains(tuple(REMINDER_48H_CONFIRM, SMS), tuple(REMINDER_2H, SMS))
                .doesNotContain(tuple(ESCALATION_SMS, SMS), tuple(BOOKED_CONFIRMATION, SMS));
    }

    @Test
    void withoutSmsConsentThereIsNoEscalation() {
        List<PlannedNotification> plan = at("2026-04-07T10:00").onBooked(subject("2026-04-22T10:30",
                new Reachability(true, false, true)));
        assertThat(plan).extracting(PlannedNotification::channel).doesNotContain(SMS);
    }

    @Test
    void practiceCanTuneThePolicy() {
        PolicySettings custom = new PolicySettings(false, false, java.time.Duration.ofHours(72),
                java.time.Duration.ofHours(24), java.time.Duration.ofHours(2), java.time.Duration.ZERO,
                java.time.LocalTime.of(20, 0), java.time.LocalTime.of(9, 0));
        List<PlannedNotification> plan = at("2026-04-07T10:00").onBooked(
                new ReminderPolicy.Subject(paris("2026-04-22T10:30"), PARIS, 42L, custom, ALL));
        assertThat(plan).extracting(PlannedNotification::kind, PlannedNotification::dueAt)
                .containsExactly(tuple(REMINDER_48H_CONFIRM, paris("2026-04-19T10:30")),
                        tuple(ESCALATION_SMS, paris("2026-04-19T12:30")));
    }

    @Test
    void sameDayRemindersShareAGroupKeyAcrossAppointments() {
        ReminderPolicy policy = at("2026-04-07T10:00");
        List<PlannedNotification> morning = policy.onBooked(subject("2026-04-22T09:00", ALL));
        List<PlannedNotification> afternoon = policy.onBooked(subject("2026-04-22T15:00", ALL));
        List<PlannedNotification> nextDay = policy.onBooked(subject("2026-04-23T09:00", ALL));
        assertThat(groupKey(morning, REMINDER_2H)).isNotNull().isEqualTo(groupKey(afternoon, REMINDER_2H))
                .isNotEqualTo(groupKey(nextDay, REMINDER_2H));
        assertThat(groupKey(morning, BOOKED_CONFIRMATION)).isNull();
    }

    @Test
    void movedAnnouncesTheMoveAndPlansNewReminders() {
        List<PlannedNotification> plan = at("2026-04-07T10:00").onMoved(subject("2026-04-22T10:30", ALL));
        assertThat(plan).extracting(PlannedNotification::kind)
                .contains(MOVED, REMINDER_WEEK, REMINDER_48H_CONFIRM, REMINDER_2H).doesNotContain(BOOKED_CONFIRMATION);
    }

    @Test
    void cancellationByThePracticeAlsoGoesByPushAPatientsOwnByEmailOnly() {
        assertThat(at("2026-04-07T10:00").onCancelled(subject("2026-04-22T10:30", ALL), true))
                .extracting(PlannedNotification::kind, PlannedNotification::channel)
                .containsExactly(tuple(CANCELLED, EMAIL), tuple(CANCELLED, PUSH));
        assertThat(at("2026-04-07T10:00").onCancelled(subject("2026-04-22T10:30", ALL), false))
                .extracting(PlannedNotification::channel).containsExactly(EMAIL);
        assertThat(at("2026-04-23T10:00").onCancelled(subject("2026-04-22T10:30", ALL), true)).isEmpty();
    }

    private static Instant dueOf(List<PlannedNotification> plan, NotificationKind kind) {
        return plan.stream().filter(p -> p.kind() == kind).findFirst().orElseThrow().dueAt();
    }

    private static String groupKey(List<PlannedNotification> plan, NotificationKind kind) {
        return plan.stream().filter(p -> p.kind() == kind).findFirst().orElseThrow().groupKey();
    }
}
