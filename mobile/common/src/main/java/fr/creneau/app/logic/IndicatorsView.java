package fr.creneau.app.logic;

import fr.creneau.model.api.IndicatorsDto;

/**
 * What the practice's indicators screen says: the periods a doctor picks (this week, the last 30 days, the last 3
 * or 12 months, each ending today in the practice's zone; the server takes at most 366 days) and the figures of
 * {@link IndicatorsDto} as people read them: "12,5 %" / "12.5%", "2 h 05" / "2 h 5 min", "3 min 20 s", "1 234" /
 * "1,234". The words come from the bundles (keys {@code indicators.*} and {@code duration.*}).
 */
public final class IndicatorsView {
    public static final String WEEK = "week";
    public static final String DAYS_30 = "30d";
    public static final String MONTHS_3 = "3m";
    public static final String MONTHS_12 = "12m";
    /** In the order the screen offers them. */
    public static final String[] PERIODS = {WEEK, DAYS_30, MONTHS_3, MONTHS_12};
    public static final String DEFAULT_PERIOD = DAYS_30;

    private static final char NBSP = '\u00a0';

    private final Texts texts;
    private final boolean english;

    public IndicatorsView(Texts texts, String language) {
        this.texts = texts;
        this.english = "en".equals(language);
    }

    /**
     * {from, to} ({@code yyyy-MM-dd}, both included) of a period ending on {@code today}: from Monday for the week,
     * the last 30 days, or the same day 3 or 12 months back plus one (clamped at the month's end).
     */
    public static String[] range(String period, String today) {
        String from;
        if (WEEK.equals(period)) {
            from = Instants.mondayOf(today);
        } else if (MONTHS_3.equals(period)) {
            from = Instants.addDays(minusMonths(today, 3), 1);
        } else if (MONTHS_12.equals(period)) {
            from = Instants.addDays(minusMonths(today, 12), 1);
        } else {
            from = Instants.addDays(today, -29);
        }
        return new String[]{from, today};
    }

    /** {@code yyyy-MM-dd} minus whole months; the 31st of a shorter month becomes its last day. */
    static String minusMonths(String date, int months) {
        int y = Integer.parseInt(date.substring(0, 4));
        int m = Integer.parseInt(date.substring(5, 7));
        int d = Integer.parseInt(date.substring(8, 10));
        int index = y * 12 + (m - 1) - months;
        int ny = index / 12;
        int nm = index % 12 + 1;
        int last = daysIn(ny, nm);
        return Instants.pad(ny, 4) + "-" + Instants.pad(nm, 2) + "-" + Instants.pad(d > last ? last : d, 2);
    }

    private static int daysIn(int y, int m) {
        if (m == 2) {
            boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            return leap ? 29 : 28;
        }
        return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
    }

    /** True when the period holds nothing at all: no appointment due, no request, no call. */
    public static boolean empty(IndicatorsDto d) {
        return d == null || (zero(d.appointmentsDue) && zero(d.requestsReceived) && zero(d.callsAnswered));
    }

    public static boolean zero(Integer n) {
        return n == null || n.intValue() == 0;
    }

    /** A count with the language's thousands separator: "1 234" (no-break space) or "1,234". */
    public String count(Integer n) {
        int v = n == null ? 0 : n.intValue();
        String digits = String.valueOf(v < 0 ? -v : v);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append(english ? ',' : NBSP);
            }
            sb.append(digits.charAt(i));
        }
        return v < 0 ? "-" + sb : sb.toString();
    }

    /** A rate (0.125) as a percentage to one decimal, without a trailing ",0": "12,5 %" / "12.5%"; null as null. */
    public String percent(Double rate) {
        if (rate == null) {
            return null;
        }
        return Strings.fill(texts.get("indicators.percent"), decimal(rate.doubleValue() * 100, 1));
    }

    /** A number rounded to {@code decimals}, the language's decimal mark, no trailing zeros. */
    public String decimal(double v, int decimals) {
        long f = 1;
        for (int i = 0; i < decimals; i++) {
            f *= 10;
        }
        long scaled = Math.round(Math.abs(v) * f);
        long whole = scaled / f;
        long frac = scaled % f;
        StringBuilder sb = new StringBuilder();
        if (v < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(whole);
        if (frac != 0) {
            String digits = String.valueOf(frac);
            while (digits.length() < decimals) {
                digits = "0" + digits;
            }
            while (digits.endsWith("0")) {
                digits = digits.substring(0, digits.length() - 1);
            }
            sb.append(english ? '.' : ',').append(digits);
        }
        return sb.toString();
    }

    /**
     * A delay in minutes as people say it: "< 1 min", "45 min", "2 h 05", "1 j 3 h" (English "2 h 5 min",
     * "1 d 3 h"); null as null.
     */
    public String minutes(Double minutes) {
        if (minutes == null) {
            return null;
        }
        double v = minutes.doubleValue();
        if (v < 1) {
            return texts.get("duration.underMinute");
        }
        long total = Math.round(v);
        if (total < 60) {
            return fill("duration.m", total);
        }
        if (total < 24 * 60) {
            long h = total / 60;
            long m = total % 60;
            return m == 0 ? fill("duration.h", h) : Strings.fill(texts.get("duration.hm"), String.valueOf(h),
                    Instants.pad((int) m, 2), String.valueOf(m));
        }
        long hours = Math.round(v / 60);
        long days = hours / 24;
        long h = hours % 24;
        return h == 0 ? fill("duration.d", days) : Strings.fill(texts.get("duration.dh"), String.valueOf(days),
                String.valueOf(h));
    }

    /** A length in seconds: "45 s", "3 min 20 s", "3 min", past an hour as {@link #minutes}; null as null. */
    public String seconds(Double seconds) {
        if (seconds == null) {
            return null;
        }
        long total = Math.round(seconds.doubleValue());
        if (total < 60) {
            return fill("duration.s", total);
        }
        if (total < 3600) {
            long m = total / 60;
            long s = total % 60;
            return s == 0 ? fill("duration.m", m) : Strings.fill(texts.get("duration.ms"), String.valueOf(m),
                    Instants.pad((int) s, 2), String.valueOf(s));
        }
        return minutes(Double.valueOf(seconds.doubleValue() / 60));
    }

    /** The period's dates: "Du 8 sept. 2026 au 7 déc. 2026", or "Le 7 déc. 2026" when it is one day. */
    public String period(String from, String to, DateText dates) {
        if (from.equals(to)) {
            return Strings.fill(texts.get("indicators.oneDay"), dates.shortDateWithYear(from));
        }
        return Strings.fill(texts.get("indicators.range"), dates.shortDateWithYear(from), dates.shortDateWithYear(to));
    }

    private String fill(String key, long n) {
        return Strings.fill(texts.get(key), String.valueOf(n));
    }
}
