package fr.creneau.app.logic;

/** Message templates with {0}, {1}… placeholders (no String.format on devices). */
public final class Strings {
    private Strings() {
    }

    public static String fill(String template, Object... args) {
        if (template == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}'
                    && Character.isDigit(template.charAt(i + 1))) {
                int idx = template.charAt(i + 1) - '0';
                sb.append(idx < args.length && args[idx] != null ? String.valueOf(args[idx]) : "");
                i += 3;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    public static boolean blank(String s) {
        return s == null || s.trim().length() == 0;
    }

    public static String trimToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
