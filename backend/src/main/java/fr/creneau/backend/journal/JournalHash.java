package fr.creneau.backend.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The SHA-256 of an entry and its predecessor's hash. Each field is written with its length first, so that no
 * two different entries can produce the same text (a "|" inside a detail cannot shift a field).
 */
public final class JournalHash {
    /** The predecessor of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private JournalHash() {
    }

    public static String of(JournalEntry e) {
        StringBuilder sb = new StringBuilder();
        field(sb, e.id);
        field(sb, e.practiceId);
        field(sb, e.at == null ? null : ChronoUnit.MICROS.between(java.time.Instant.EPOCH, e.at));
        field(sb, e.accountId);
        field(sb, e.role == null ? null : e.role.name());
        field(sb, e.action);
        field(sb, e.objectType);
        field(sb, e.objectId);
        field(sb, e.detail);
        field(sb, e.clientIp);
        field(sb, e.prevHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void field(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("-;");
            return;
        }
        String s = value.toString();
        sb.append(s.length()).append(':').append(s).append(';');
    }
}
