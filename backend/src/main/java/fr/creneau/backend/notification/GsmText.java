package fr.creneau.backend.notification;

/**
 * SMS length rules. A GSM-7 SMS carries 160 septets, or 153 per part once split; a single character outside the
 * GSM 03.38 alphabet switches the whole message to UCS-2 (70 UTF-16 units, 67 per part). French text mostly fits
 * GSM-7 (é, è, à, ù are in it; ê, ç, ô, œ are not), so {@link #toGsm} folds the rest to their closest GSM-7
 * letters and keeps an SMS at half the price.
 */
public final class GsmText {
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Characters of the extension table: each costs an escape plus itself. */
    private static final String EXTENDED = "^{}\\[~]|€\f";
    /**
     * Septets per character (0: not GSM-7), looked up instead of searching BASIC for every character: the search
     * was a third of the dispatcher thread's CPU in the dispatch benchmark (bench/notification).
     */
    private static final byte[] COST = new byte[Character.MAX_VALUE + 1];

    static {
        for (int i = 0; i < BASIC.length(); i++) {
            COST[BASIC.charAt(i)] = 1;
        }
        for (int i = 0; i < EXTENDED.length(); i++) {
            COST[EXTENDED.charAt(i)] = 2;
        }
    }

    private GsmText() {
    }

    public static boolean isGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (COST[text.charAt(i)] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Septets a GSM-7 text takes, or -1 if it is not GSM-7. */
    public static int septets(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = COST[text.charAt(i)];
            if (cost == 0) {
                return -1;
            }
            n += cost;
        }
        return n;
    }

    /** How many SMS parts the text costs, counting GSM-7 or UCS-2 as the network will. */
    public static int segments(String text) {
        int septets = septets(text);
        if (septets >= 0) {
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        // UCS-2 counts UTF-16 code units: a character outside the BMP (an emoji) takes two
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }

    /** The text with every character outside GSM-7 replaced by its nearest GSM-7 spelling (or dropped). */
    public static String toGsm(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (COST[c] != 0) {
                b.append(c);
                continue;
            }
            String r = switch (c) {
                case 'â', 'á', 'ã', 'å' -> "a";
                case 'À', 'Â', 'Á', 'Ã' -> "A";
                case 'ê', 'ë' -> "e";
                case 'È', 'Ê', 'Ë' -> "E";
                case 'î', 'ï', 'í' -> "i";
                case 'Î', 'Ï', 'Í', 'Ì' -> "I";
                case 'ô', 'ó', 'õ' -> "o";
                case 'Ô', 'Ó', 'Õ', 'Ò' -> "O";
                case 'û', 'ú' -> "u";
                case 'Û', 'Ú', 'Ù' -> "U";
                case 'ç' -> "c";
                case 'ÿ' -> "y";
                case 'œ' -> "oe";
                case 'Œ' -> "OE";
                case '’', '‘', '`', '´' -> "'";
                case '«', '»', '“', '”' -> "\"";
                case '–', '—', '‑' -> "-";
                case '…' -> "...";
                case '\u00A0', '\u202F', '\t' -> " ";
                default -> Character.isHighSurrogate(c) || Character.isLowSurrogate(c) ? "" : "?";
            };
            b.append(r);
        }
        return b.toString();
    }

    /** The longest prefix of a GSM-7 text that fits in {@code maxSeptets}. */
    public static String truncate(String gsmText, int maxSeptets) {
        int n = 0;
        for (int i = 0; i < gsmText.length(); i++) {
            n += COST[gsmText.charAt(i)] == 2 ? 2 : 1;
            if (n > maxSeptets) {
                return gsmText.substring(0, i);
            }
        }
        return gsmText;
    }
}
