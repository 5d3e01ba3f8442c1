package fr.creneau.app.logic;

import fr.creneau.model.rules.TimeText;

import java.util.Calendar;
import java.util.Date;
import java.util.TimeZone;

/**
 * ISO-8601 instants of the API (e.g. {@code 2026-03-29T07:00:00Z} or {@code ...+02:00}) to epoch milliseconds and
 * back, and local dates and times in a practice's time zone. No java.time on devices: plain arithmetic plus
 * {@link Calendar} for time-zone rules.
 */
public final class Instants {
    public static final long MINUTE = 60000L;
    public static final long HOUR = 60 * MINUTE;
    public static final long DAY = 24 * HOUR;

    private Instants() {
    }

    /** Epoch milliseconds of an ISO instant with offset, or throws IllegalArgumentException. */
    public static long parse(String iso) {
        if (!TimeText.isInstant(iso)) {
            throw new IllegalArgumentException("not an instant: " + iso);
        }
        int y = num(iso, 0, 4);
        int mo = num(iso, 5, 7);
        int d = num(iso, 8, 10);
        int h = num(iso, 11, 13);
        int mi = num(iso, 14, 16);
        int i = 16;
        int sec = 0;
        int millis = 0;
        if (iso.charAt(i) == ':') {
            sec = num(iso, i + 1, i + 3);
            i += 3;
            if (iso.charAt(i) == '.') {
                i++;
                int start = i;
                while (Character.isDigit(iso.charAt(i))) {
                    i++;
                }
                String frac = iso.substring(start, i);
                while (frac.length() < 3) {
                    frac = frac + "0";
                }
                millis = num(frac, 0, 3);
            }
        }
        long offsetMinutes = 0;
        char z = iso.charAt(i);
        if (z == '+' || z == '-') {
            offsetMinutes = num(iso, i + 1, i + 3) * 60L + num(iso, i + 4, i + 6);
            if (z == '-') {
                offsetMinutes = -offsetMinutes;
            }
        }
        long days = daysFromCivil(y, mo, d);
        return days * DAY + h * HOUR + mi * MINUTE + sec * 1000L + millis - offsetMinutes * MINUTE;
    }

    /** The UTC ISO text the API expects, e.g. {@code 2026-03-29T07:00:00Z}. */
    public static String toIso(long epochMillis) {
        long days = floorDiv(epochMillis, DAY);
        long rest = epochMillis - days * DAY;
        int[] ymd = civilFromDays(days);
        int h = (int) (rest / HOUR);
        int mi = (int) ((rest % HOUR) / MINUTE);
        int s = (int) ((rest % MINUTE) / 1000);
        return pad(ymd[0], 4) + "-" + pad(ymd[1], 2) + "-" + pad(ymd[2], 2) + "T" + pad(h, 2) + ":" + pad(mi, 2) + ":"
                + pad(s, 2) + "Z";
    }

    public static TimeZone zone(String timezone) {
        return TimeZone.getTimeZone(timezone == null || timezone.length() == 0 ? "Europe/Paris" : timezone);
    }

    /** Local fields {year, month(1-12), day, hour, minute, dayOfWeek(1=Monday..7=Sunday)} of an instant. */
    public static int[] local(long epochMillis, String timezone) {
        Calendar c = Calendar.getInstance(zone(timezone));
        c.setTime(new Date(epochMillis));
        int dow = c.get(Calendar.DAY_OF_WEEK); // 1 = Sunday
        int isoDow = dow == Calendar.SUNDAY ? 7 : dow - 1;
        return new int[]{c.get(Calendar.YEAR), c.get(Calendar.MONTH) + 1, c.get(Calendar.DAY_OF_MONTH),
                c.get(Calendar.HOUR_OF_DAY), c.get(Calendar.MINUTE), isoDow};
    }

    /** The instant of a local date ({@code yyyy-MM-dd}) and minutes of the day in the practice's zone. */
    public static long atLocal(String date, int minutesOfDay, String timezone) {
        if (!TimeText.isDate(date)) {
            throw new IllegalArgumentException("not a date: " + date);
        }
        Calendar c = Calendar.getInstance(zone(timezone));
        c.set(Calendar.YEAR, num(date, 0, 4));
        c.set(Calendar.MONTH, num(date, 5, 7) - 1);
        c.set(Calendar.DAY_OF_MONTH, num(date, 8, 10));
        c.set(Calendar.HOUR_OF_DAY, minutesOfDay / 60);
        c.set(Calendar.MINUTE, minutesOfDay % 60);
        c.set(Calendar.SECOND, 0);
        c.set(Calendar.MILLISECOND, 0);
        return c.getTime().getTime();
    }

    /** The local date ({@code yyyy-MM-dd}) of an instant in the practice's zone. */
    public static String localDate(long epochMillis, String timezone) {
        int[] f = local(epochMillis, timezone);
        return pad(f[0], 4) + "-" + pad(f[1], 2) + "-" + pad(f[2], 2);
    }

    /** {@code yyyy-MM-dd} plus a number of days (calendar arithmetic, no time zone involved). */
    public static String addDays(String date, int days) {
        long d = daysFromCivil(num(date, 0, 4), num(date, 5, 7), num(date, 8, 10)) + days;
        int[] ymd = civilFromDays(d);
        return pad(ymd[0], 4) + "-" + pad(ymd[1], 2) + "-" + pad(ymd[2], 2);
    }

    /** Day of week of a date, 1 = Monday … 7 = Sunday. */
    public static int dayOfWeek(String date) {
        long d = daysFromCivil(num(date, 0, 4), num(date, 5, 7), num(date, 8, 10));
        // 1970-01-01 was a Thursday (4)
        long dow = ((d % 7) + 7 + 3) % 7; // 0 = Monday
        return (int) dow + 1;
    }

    /** The Monday of the week holding {@code date}. */
    public static String mondayOf(String date) {
        return addDays(date, 1 - dayOfWeek(date));
    }

    // Howard Hinnant's days_from_civil / civil_from_days
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    static int[] civilFromDays(long z) {
        z += 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp + (mp < 10 ? 3 : -9);
        return new int[]{(int) (y + (m <= 2 ? 1 : 0)), (int) m, (int) d};
    }

    private static long floorDiv(long a, long b) {
        long q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) {
            q--;
        }
        return q;
    }

    static String pad(int v, int width) {
        String s = String.valueOf(v);
        while (s.length() < width) {
            s = "0" + s;
        }
        return s;
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
