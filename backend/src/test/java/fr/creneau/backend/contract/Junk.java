package fr.creneau.backend.contract;

import java.util.List;
import java.util.Random;

/** Hostile values, drawn from a seeded {@link Random} so that every case can be replayed. */
final class Junk {
    static final int HUGE = 100 * 1024;

    static final List<String> ODD_TEXT = List.of(
            "\u202Eelbatpecca\u202C",            // right-to-left override
            "\u200F\u05E9\u05DC\u05D5\u05DD\u200F", // RTL mark, Hebrew
            "nul\u0000byte",
            "\u0000",
            "emoji \uD83D\uDE00\uD83D\uDC69\u200D\u2695\uFE0F",
            "Zalgo Z\u0351\u0352\u0353\u0354\u0355a\u0300\u0301\u0302\u0303",
            "e\u0301\u0301\u0301\u0301",
            "\uFEFFbom",
            "\u2028line\u2029para",
            "tab\tand\r\nCRLF",
            "'; DROP TABLE appointment; --",
            "<script>alert(1)</script>",
            "%00%0d%0a",
            "${jndi:ldap://127.0.0.1/x}",
            "../../etc/passwd",
            "   ",
            "",
            "null",
            "\\",
            "\"");

    /** Raw JSON tokens (not Java strings) that break a JSON string's rules: lone surrogates and bad escapes. */
    static final List<String> RAW_JSON_STRINGS = List.of(
            "\"\\ud800\"", "\"\\udfff\"", "\"\\ud83d\\u0041\"", "\"\\u0000\"", "\"\\uZZZZ\"", "\"\\x41\"",
            "\"unterminated", "\"a\u0001b\"");

    static final List<String> BAD_IDS = List.of("-1", "0", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "1e309", "1.5", "abc", "0x10", "1 OR 1=1", "%20", "NaN", "Infinity", "007",
            "١٢٣");

    static final List<String> BAD_DATES = List.of("2026-02-30", "2026-13-01", "2026-00-10", "99999-01-01",
            "-0001-01-01", "0000-00-00", "2026-3-9", "29/03/2026", "2026-03-29T02:30", "2026-03-29T02:30:00+01:00",
            "2026-03-29T02:30:00", "2026-03-29T25:00:00Z", "1970-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
            "yesterday", "", "null", "2026-W13-7", "1e309",
            // years java.time parses and its calendar arithmetic then overflows
            "+999999999-12-31", "-999999999-01-01", "+999999999-12-31T23:59:59Z");

    static final List<String> RAW_JSON_NUMBERS = List.of("1e309", "-1e309", "123456789012345678901234567890",
            "-0", "0.0000000001", "9223372036854775808", "-1", "0", "1.5", "NaN", "Infinity", "01", "1e-400");

    static final List<String> MALFORMED = List.of("{", "}", "{\"a\":}", "{\"a\" 1}", "[1,2", "nul", "tru",
            "{'single':'quotes'}", "{\"a\":1,}", "{\"a\":1}{\"b\":2}", "\u0000", "\uFEFF{}", "<xml/>",
            "{\"a\":\"\\q\"}", "{\"a\":01}", "{a:1}", "/* comment */ {}", "{\"a\":1} trailing");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/jsonx",
            "*/*", "application/octet-stream");

    static final List<String> ACCEPTS = List.of("application/xml", "text/html", "*/*", "text/plain",
            "application/json;q=0", "image/png");

    private final Random random;

    Junk(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Text of random code points, including the astral planes and control characters. */
    String randomText(int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            int cp = switch (kind) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x1F600 + random.nextInt(0x50);
                case 2 -> 0x0300 + random.nextInt(0x70);
                case 3 -> 0x0590 + random.nextInt(0x200);
                case 4 -> 0x4E00 + random.nextInt(0x5000);
                default -> 0x20 + random.nextInt(0x5F);
            };
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    String huge() {
        char c = (char) ('a' + random.nextInt(26));
        return String.valueOf(c).repeat(HUGE);
    }

    /**
     * A value for a URL (path segment, query parameter). At most 800 characters, so that a whole request line
     * stays under the HTTP layer's 4096-byte limit: beyond it Vert.x answers a bare 414 before any of our code
     * runs (reported, see bench/fuzz/RESULTS.md).
     */
    String urlValue() {
        return switch (random.nextInt(6)) {
            case 0 -> pick(BAD_IDS);
            case 1 -> pick(BAD_DATES);
            case 2 -> pick(ODD_TEXT);
            case 3 -> randomText(40);
            case 4 -> "x".repeat(200 + random.nextInt(600));
            default -> Long.toString(random.nextLong());
        };
    }

    /** A raw JSON value of any type, often hostile. */
    String jsonValue() {
        return switch (random.nextInt(12)) {
            case 0 -> pick(RAW_JSON_NUMBERS);
            case 1 -> pick(RAW_JSON_STRINGS);
            case 2 -> quote(pick(ODD_TEXT));
            case 3 -> quote(huge());
            case 4 -> quote(pick(BAD_DATES));
            case 5 -> quote(pick(BAD_IDS));
            case 6 -> "null";
            case 7 -> random.nextBoolean() ? "true" : "false";
            case 8 -> "[" + (random.nextBoolean() ? "" : "1,\"a\",null") + "]";
            case 9 -> "{\"nested\":" + (random.nextBoolean() ? "{}" : "[[[]]]") + "}";
            case 10 -> quote(randomText(30));
            default -> Long.toString(random.nextLong());
        };
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validPair(s, i)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
