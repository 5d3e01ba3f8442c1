package fr.creneau.app.logic;

/**
 * Dates as people type them. French practices and their patients write 12/03/1985 (day first), so that is what
 * the date fields show and accept; the API keeps ISO dates (1985-03-12), which the fields accept as well. Whether
 * the date exists is left to the shared validator, which answers with the field's error.
 */
public final class DateInput {
    private DateInput() {
    }

    /**
     * The ISO date of a typed one: {@code JJ/MM/AAAA} (also with '.', '-' or spaces between the parts, and one-digit
     * days or months), eight digits {@code JJMMAAAA}, or ISO {@code AAAA-MM-JJ}. Anything else comes back trimmed
     * and unchanged, so that the validation that follows reports it.
     */
    public static String toIso(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.trim();
        if (s.length() == 8 && allDigits(s, 0, 8)) {
            return s.substring(4) + "-" + s.substring(2, 4) + "-" + s.substring(0, 2);
        }
        int[] parts = new int[3];
        int[] widths = new int[3];
        int n = 0;
        int i = 0;
        while (i < s.length() && n < 3) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 4) {
                return s;
            }
            parts[n] = Integer.parseInt(s.substring(start, i));
            widths[n] = i - start;
            n++;
            if (i < s.length()) {
                char sep = s.charAt(i);
                if (n == 3 || (sep != '/' && sep != '.' && sep != '-' && sep != ' ')) {
                    return s;
                }
                i++;
            }
        }
        if (n != 3 || i != s.length()) {
            return s;
        }
        if (widths[0] == 4 && widths[1] <= 2 && widths[2] <= 2) {
            return iso(parts[0], parts[1], parts[2]);
        }
        if (widths[0] <= 2 && widths[1] <= 2 && widths[2] == 4) {
            return iso(parts[2], parts[1], parts[0]);
        }
        return s;
    }

    /** An ISO date as the fields show it, {@code JJ/MM/AAAA}; other texts are shown as they are. */
    public static String display(String isoDate) {
        if (isoDate == null || isoDate.length() != 10 || isoDate.charAt(4) != '-' || isoDate.charAt(7) != '-') {
            return isoDate == null ? "" : isoDate;
        }
        return isoDate.substring(8) + "/" + isoDate.substring(5, 7) + "/" + isoDate.substring(0, 4);
    }

    private static String iso(int y, int m, int d) {
        return Instants.pad(y, 4) + "-" + Instants.pad(m, 2) + "-" + Instants.pad(d, 2);
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
