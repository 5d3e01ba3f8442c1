package fr.creneau.backend.notification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Tokens of the confirm/cancel links. A token is an HMAC of the outbox id under a server secret: unguessable
 * (192 bits), and the same for every attempt of one message, so a retried send carries the link that the first
 * attempt may already have delivered. Only its SHA-256 is stored; single use and expiry live in the row.
 */
public final class LinkTokens {
    private final byte[] secret;

    public LinkTokens(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("The link secret needs at least 32 bytes");
        }
        this.secret = secret.clone();
    }

    public String token(long outboxId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] full = mac.doFinal(("notification-link:" + outboxId).getBytes(StandardCharsets.UTF_8));
            byte[] cut = new byte[24];
            System.arraycopy(full, 0, cut, 0, cut.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(cut);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a string could be a token at all, so that junk never reaches the database. */
    public static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{32}");
    }
}
