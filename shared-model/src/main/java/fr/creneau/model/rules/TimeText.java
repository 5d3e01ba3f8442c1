package fr.creneau.model.rules;

/**
 * The wire formats of dates and times, checked without java.time or regex so that the app can use them:
 * dates as {@code 2026-03-29}, local times as {@code 08:30}, instants as ISO-8601 with an offset
 * ({@code 2026-03-29T07:00:00Z}, {@code 2026-03-29T09:00:00+02:00}).
 */
public final class TimeText {
    private TimeText() {
    }

    public static boolean isDate(String s) {
        if (s == null || s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
    }

    public static boolean isTime(String s) {
        if (s == null || s.length() != 5 || s.charAt(2) != ':') {
            return false;
        }
        int h = digits(s, 0, 2);
        int m = digits(s, 3, 5);
        return h >= 0 && h <= 23 && m >= 0 && m <= 59;
    }

    public static boolean isInstant(String s) {
        if (s == null || s.length() < 17 || s.length() > 35 || s.charAt(10) != 'T') {
            return false;
        }
        if (!isDate(s.substring(0, 10)) || !isTime(s.substring(11, 16))) {
            return false;
        }
        int i = 16;
        if (i < s.length() && s.charAt(i) == ':') {
            int sec = digits(s, i + 1, i + 3);
            if (sec < 0 || sec > 59) {
                return false;
            }
            i += 3;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int start = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == start || i - start > 9) {
                    return false;
                }
            }
        }
        if (i >= s.length()) {
            return false;
        }
        char z = s.charAt(i);
        if (z == 'Z') {
            return i == s.length() - 1;
        }
        if ((z == '+' || z == '-') && s.length() - i == 6 && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, i + 3);
            int om = digits(s, i + 4, i + 6);
            return oh >= 0 && oh <= 18 && om >= 0 && om <= 59;
        }
        return false;
    }

    /** Minutes since midnight of an {@code HH:mm} text, or -1. */
    public static int minutesOfDay(String hhmm) {
        if (!isTime(hhmm)) {
            return -1;
        }
        return digits(hhmm, 0, 2) * 60 + digits(hhmm, 3, 5);
    }

    public static String hhmm(int minutesOfDay) {
        int h = minutesOfDay / 60;
        int m = minutesOfDay % 60;
        return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
    }

    private static int digits(String s, int from, int to) {
        if (to > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysInMonth(int y, int m) {
        switch (m) {
            case 2:
                return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }
}
