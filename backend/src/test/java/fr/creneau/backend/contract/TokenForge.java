package fr.creneau.backend.contract;

import fr.creneau.backend.support.Fixtures.Actor;
import io.smallrye.jwt.util.KeyUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Access tokens that must all be refused: each one is a real actor's token with exactly one thing wrong, so a
 * refusal can only come from that one thing.
 */
final class TokenForge {
    static final String ISSUER = "https://creneau.fr/auth";
    static final String AUDIENCE = "creneau-app";

    private TokenForge() {
    }

    /** Name → forged Authorization header value, for an actor (staff or patient) whose genuine token works. */
    static Map<String, String> forgedHeaders(Actor actor) {
        Map<String, String> out = new LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();
        PrivateKey key = privateKey();
        out.put("control: genuine claims, signed here", bearer(rs256(claims(actor, ISSUER, AUDIENCE, now, now + 600), key)));
        out.put("expired", bearer(rs256(claims(actor, ISSUER, AUDIENCE, now - 7200, now - 3600), key)));
        out.put("wrong issuer", bearer(rs256(claims(actor, "https://evil.example/auth", AUDIENCE, now, now + 600), key)));
        out.put("wrong audience", bearer(rs256(claims(actor, ISSUER, "someone-else", now, now + 600), key)));
        out.put("no audience", bearer(rs256(claims(actor, ISSUER, null, now, now + 600), key)));
        out.put("alg none", bearer(unsigned(actor.token())));
        out.put("tampered payload (role raised, old signature)", bearer(tampered(actor.token())));
        out.put("signature of another key", bearer(rs256(claims(actor, ISSUER, AUDIENCE, now, now + 600), foreignKey())));
        out.put("HS256 with the public key as secret", bearer(hs256(claims(actor, ISSUER, AUDIENCE, now, now + 600),
                publicKeyPem())));
        out.put("signature removed", bearer(actor.token().substring(0, actor.token().lastIndexOf('.') + 1)));
        out.put("garbage", "Bearer not.a.jwt");
        out.put("empty bearer", "Bearer ");
        return out;
    }

    static final String CONTROL = "control: genuine claims, signed here";

    private static String claims(Actor actor, String issuer, String audience, long iat, long exp) {
        StringBuilder b = new StringBuilder("{\"iss\":\"").append(issuer).append("\",\"sub\":\"")
                .append(actor.accountId()).append("\",\"upn\":\"").append(actor.email())
                .append("\",\"groups\":[\"").append(actor.role().name()).append("\"]");
        if (audience != null) {
            b.append(",\"aud\":\"").append(audience).append('"');
        }
        if (actor.practiceId() != null) {
            b.append(",\"practice_id\":").append(actor.practiceId());
        }
        if (actor.practitionerId() != null) {
            b.append(",\"practitioner_id\":").append(actor.practitionerId());
        }
        if (actor.patientId() != null) {
            b.append(",\"patient_id\":").append(actor.patientId());
        }
        b.append(",\"iat\":").append(iat).append(",\"exp\":").append(exp)
                .append(",\"jti\":\"").append(java.util.UUID.randomUUID()).append("\"}");
        return b.toString();
    }

    private static String rs256(String payload, PrivateKey key) {
        try {
            String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(payload);
            java.security.Signature s = java.security.Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(String payload, String secret) {
        try {
            String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(payload);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The genuine payload under a header that says "alg":"none", with no signature. */
    private static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + parts[1] + ".";
    }

    /** The genuine token with its payload's groups raised to PRACTICE_ADMIN, the signature left as it was. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String raised = payload.replaceAll("\"groups\":\\[[^]]*]", "\"groups\":[\"PRACTICE_ADMIN\"]");
        if (raised.equals(payload)) {
            raised = payload.replace("\"sub\":\"", "\"sub\":\"1");
        }
        return parts[0] + "." + b64(raised) + "." + parts[2];
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of("target", "test-keys", "private-key.pem")));
        } catch (Exception e) {
            throw new IllegalStateException("the test signing key (written by PostgresAndKeysResource)", e);
        }
    }

    private static String publicKeyPem() {
        try {
            return Files.readString(Path.of("target", "test-keys", "public-key.pem"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey foreignKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair().getPrivate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
