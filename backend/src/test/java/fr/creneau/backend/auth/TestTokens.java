package fr.creneau.backend.auth;

import fr.creneau.backend.support.Fixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Access tokens built by hand, claim by claim, so that each test changes exactly one thing about an otherwise
 * valid token. {@link #valid} proves the builder itself is right: the server accepts its tokens.
 */
public final class TestTokens {
    static final String ISSUER = "https://creneau.fr/auth";
    static final String AUDIENCE = "creneau-app";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TestTokens() {
    }

    static String valid(Fixtures.Actor a) {
        return rs256(header("RS256"), claims(a, ISSUER, "\"" + AUDIENCE + "\"", Instant.now().plusSeconds(600)), serverKey());
    }

    /** A valid token that expires at {@code at}. */
    public static String expiringAt(Fixtures.Actor a, Instant at) {
        return rs256(header("RS256"), claims(a, ISSUER, "\"" + AUDIENCE + "\"", at), serverKey());
    }

    static String expired(Fixtures.Actor a) {
        return rs256(header("RS256"), claims(a, ISSUER, "\"" + AUDIENCE + "\"", Instant.now().minusSeconds(3600)), serverKey());
    }

    static String wrongIssuer(Fixtures.Actor a) {
        return rs256(header("RS256"), claims(a, "https://evil.example/auth", "\"" + AUDIENCE + "\"", inTenMinutes()), serverKey());
    }

    static String wrongAudience(Fixtures.Actor a) {
        return rs256(header("RS256"), claims(a, ISSUER, "\"another-app\"", inTenMinutes()), serverKey());
    }

    static String noAudience(Fixtures.Actor a) {
        return rs256(header("RS256"), claims(a, ISSUER, null, inTenMinutes()), serverKey());
    }

    static String unsigned(Fixtures.Actor a) {
        return B64.encodeToString(header("none").getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims(a, ISSUER, "\"" + AUDIENCE + "\"", inTenMinutes()).getBytes(StandardCharsets.UTF_8)) + ".";
    }

    static String signedByAnotherKey(Fixtures.Actor a) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return rs256(header("RS256"), claims(a, ISSUER, "\"" + AUDIENCE + "\"", inTenMinutes()),
                    generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A genuine token whose payload is swapped for one claiming admin rights, the signature left as it was. */
    static String tampered(Fixtures.Actor a, String genuine) {
        String[] parts = genuine.split("\\.");
        String forged = claims(a, ISSUER, "\"" + AUDIENCE + "\"", inTenMinutes()).replace(
                "\"groups\":[\"" + a.role().name() + "\"]", "\"groups\":[\"PRACTICE_ADMIN\"]");
        return parts[0] + "." + B64.encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static Instant inTenMinutes() {
        return Instant.now().plusSeconds(600);
    }

    private static String header(String alg) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
    }

    private static String claims(Fixtures.Actor a, String issuer, String audienceJson, Instant expiresAt) {
        long exp = expiresAt.getEpochSecond();
        StringBuilder json = new StringBuilder("{");
        json.append("\"iss\":\"").append(issuer).append("\",");
        if (audienceJson != null) {
            json.append("\"aud\":").append(audienceJson).append(",");
        }
        json.append("\"sub\":\"").append(a.accountId()).append("\",");
        json.append("\"upn\":\"").append(a.email()).append("\",");
        json.append("\"groups\":[\"").append(a.role().name()).append("\"],");
        if (a.patientId() != null) {
            json.append("\"patient_id\":").append(a.patientId()).append(",");
        }
        if (a.practiceId() != null) {
            json.append("\"practice_id\":").append(a.practiceId()).append(",");
        }
        json.append("\"jti\":\"").append(UUID.randomUUID()).append("\",");
        json.append("\"iat\":").append(Math.min(exp, Instant.now().getEpochSecond()) - 60).append(",");
        json.append("\"exp\":").append(exp);
        return json.append("}").toString();
    }

    private static String rs256(String header, String claims, PrivateKey key) {
        try {
            String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key that PostgresAndKeysResource wrote for the server under test. */
    private static PrivateKey serverKey() {
        try {
            String pem = Files.readString(Path.of("target", "test-keys", "private-key.pem"), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
