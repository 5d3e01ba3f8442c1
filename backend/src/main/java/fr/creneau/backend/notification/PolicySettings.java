package fr.creneau.backend.notification;

import java.time.Duration;
import java.time.LocalTime;

/**
 * A practice's reminder policy (table notification_policy; a practice without a row gets {@link #DEFAULTS}).
 *
 * @param confirmRequest   how long before the appointment the push asking to confirm or cancel goes out
 * @param lateConfirmRequest the same when the booking came after that moment
 * @param escalateAfter    how long the patient has to acknowledge that push before an SMS follows
 * @param shortReminder    the last short reminder before the appointment (zero: none)
 */
public record PolicySettings(boolean sendConfirmation, boolean weekReminder, Duration confirmRequest,
                             Duration lateConfirmRequest, Duration escalateAfter, Duration shortReminder,
                             LocalTime quietStart, LocalTime quietEnd) {

    public static final PolicySettings DEFAULTS = new PolicySettings(true, true, Duration.ofHours(48),
            Duration.ofHours(24), Duration.ofHours(4), Duration.ofMinutes(120), LocalTime.of(21, 0), LocalTime.of(8, 0));
}
