package fr.creneau.backend.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Nobody gets a push or an SMS between quietStart and quietEnd, local time of the practice (21:00-08:00 by
 * default), unless the appointment comes before the end of the quiet period: then waiting would make the
 * message useless, and it goes at once.
 */
public final class QuietHours {
    private QuietHours() {
    }

    /**
     * The practice's quiet hours as two text columns (start, end) of a query in which alias {@code np} is its
     * notification_policy row, LEFT JOINed: the defaults of {@link PolicySettings#DEFAULTS} when it has none.
     */
    public static final String COLUMNS = "CAST(COALESCE(np.quiet_start, TIME '" + PolicySettings.DEFAULTS.quietStart()
            + "') AS text), CAST(COALESCE(np.quiet_end, TIME '" + PolicySettings.DEFAULTS.quietEnd() + "') AS text)";

    public static Instant adjust(Instant due, Instant appointmentStart, ZoneId zone, LocalTime quietStart, LocalTime quietEnd) {
        ZonedDateTime local = due.atZone(zone);
        if (!isQuiet(local.toLocalTime(), quietStart, quietEnd)) {
            return due;
        }
        LocalDate endDay = local.toLocalTime().isBefore(quietEnd) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        Instant end = ZonedDateTime.of(endDay, quietEnd, zone).toInstant();
        return appointmentStart.isBefore(end) ? due : end;
    }

    /**
     * For a push or SMS tied to no appointment (a request answered): nothing can make it urgent, so a message due
     * in the quiet period always waits for its end.
     */
    public static Instant defer(Instant due, ZoneId zone, LocalTime quietStart, LocalTime quietEnd) {
        return adjust(due, Instant.MAX, zone, quietStart, quietEnd);
    }

    static boolean isQuiet(LocalTime t, LocalTime quietStart, LocalTime quietEnd) {
        if (quietStart.equals(quietEnd)) {
            return false;
        }
        if (quietStart.isAfter(quietEnd)) {
            // spans midnight, the usual case
            return !t.isBefore(quietStart) || t.isBefore(quietEnd);
        }
        return !t.isBefore(quietStart) && t.isBefore(quietEnd);
    }
}
