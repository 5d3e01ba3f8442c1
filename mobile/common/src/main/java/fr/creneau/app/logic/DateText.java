package fr.creneau.app.logic;

/**
 * Dates and times as people read them, in the practice's time zone and the device language: French
 * "lundi 30 mars 2026 à 09:30", English "Monday, March 30, 2026 at 9:30 AM". Day and month names come from the
 * resource bundle (keys {@code day.1}..{@code day.7}, {@code month.1}..{@code month.12}).
 */
public class DateText {
    private final Texts texts;
    private final String language;

    public DateText(Texts texts, String language) {
        this.texts = texts;
        this.language = language == null ? "fr" : language;
    }

    public boolean english() {
        return "en".equals(language);
    }

    public String time(long epochMillis, String tz) {
        int[] f = Instants.local(epochMillis, tz);
        return time(f[3], f[4]);
    }

    public String time(int hour, int minute) {
        if (english()) {
            int h12 = hour % 12 == 0 ? 12 : hour % 12;
            return h12 + ":" + Instants.pad(minute, 2) + (hour < 12 ? " AM" : " PM");
        }
        return Instants.pad(hour, 2) + ":" + Instants.pad(minute, 2);
    }

    /** A local {@code yyyy-MM-dd} date with its weekday. */
    public String date(String isoDate) {
        int y = Integer.parseInt(isoDate.substring(0, 4));
        int m = Integer.parseInt(isoDate.substring(5, 7));
        int d = Integer.parseInt(isoDate.substring(8, 10));
        return date(y, m, d, Instants.dayOfWeek(isoDate));
    }

    public String date(long epochMillis, String tz) {
        int[] f = Instants.local(epochMillis, tz);
        return date(f[0], f[1], f[2], f[5]);
    }

    public String date(int y, int m, int d, int isoDow) {
        String day = texts.get("day." + isoDow);
        String month = texts.get("month." + m);
        if (english()) {
            return day + ", " + month + " " + d + ", " + y;
        }
        return day + " " + (d == 1 ? "1er" : String.valueOf(d)) + " " + month + " " + y;
    }

    /** A short date for lists: "lun. 30 mars" / "Mon, Mar 30". */
    public String shortDate(String isoDate) {
        int m = Integer.parseInt(isoDate.substring(5, 7));
        int d = Integer.parseInt(isoDate.substring(8, 10));
        String day = texts.get("dayShort." + Instants.dayOfWeek(isoDate));
        String month = texts.get("monthShort." + m);
        if (english()) {
            return day + ", " + month + " " + d;
        }
        return day + " " + d + " " + month;
    }

    /** A short date with its year, for periods: "8 sept. 2026" / "Sep 8, 2026". */
    public String shortDateWithYear(String isoDate) {
        int y = Integer.parseInt(isoDate.substring(0, 4));
        int m = Integer.parseInt(isoDate.substring(5, 7));
        int d = Integer.parseInt(isoDate.substring(8, 10));
        String month = texts.get("monthShort." + m);
        if (english()) {
            return month + " " + d + ", " + y;
        }
        return (d == 1 ? "1er" : String.valueOf(d)) + " " + month + " " + y;
    }

    public String dateTime(long epochMillis, String tz) {
        return date(epochMillis, tz) + " " + texts.get("date.at") + " " + time(epochMillis, tz);
    }

    public String dateTime(String isoInstant, String tz) {
        return dateTime(Instants.parse(isoInstant), tz);
    }

    /** "Last updated" stamp of offline data: date and time in the device's zone. */
    public String updatedAt(long epochMillis, String tz) {
        return dateTime(epochMillis, tz);
    }
}
