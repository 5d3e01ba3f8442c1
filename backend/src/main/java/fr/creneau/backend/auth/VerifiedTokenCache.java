package fr.creneau.backend.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access-token parser every request goes through, remembering the tokens it has already verified.
 *
 * <p>An app sends the same access token with every request for its 15 minutes of life; verifying it each time
 * (parsing its JSON, checking the RS256 signature) was about a sixth of the backend's CPU for a simple request.
 * A token is remembered only after the full verification (signature, issuer, audience, expiry) succeeded, under its
 * exact text, signature included: a token that differs by one character is verified anew. A remembered token is
 * answered only while its own expiry time has not come; from then on the verifier decides again, so the cache is
 * never more lenient than the verifier (which also grants a clock skew after expiry). Failures are not remembered.
 *
 * <p>Only {@link #parse(String)} is cached: it is the one with the application's fixed settings. The other methods
 * take their keys or settings from the caller and go straight to the verifier.
 */
@Alternative
@Priority(1)
@Singleton
public class VerifiedTokenCache implements JWTParser {
    /** Far above the tokens live at once in a practice network (one per signed-in app or desk, for 15 minutes). */
    static final int MAX_ENTRIES = 20_000;

    private final JWTParser verifier;
    private final Clock clock;
    private final int maxEntries;
    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    /** The verifier's own time (the system's), not the application's Clock, which tests move. */
    @Inject
    public VerifiedTokenCache(DefaultJWTParser verifier) {
        this(verifier, Clock.systemUTC(), MAX_ENTRIES);
    }

    VerifiedTokenCache(JWTParser verifier, Clock clock, int maxEntries) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.millis();
        JsonWebToken known = verified.get(token);
        if (known != null) {
            if (live(known, now)) {
                return known;
            }
            verified.remove(token, known);
        }
        JsonWebToken jwt = verifier.parse(token);
        if (live(jwt, now)) {
            if (verified.size() >= maxEntries) {
                evict(now);
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Tokens past their expiry go; if that frees nothing, everything goes (the next uses verify again). */
    private void evict(long now) {
        for (Iterator<JsonWebToken> it = verified.values().iterator(); it.hasNext(); ) {
            if (!live(it.next(), now)) {
                it.remove();
            }
        }
        if (verified.size() >= maxEntries) {
            verified.clear();
        }
    }

    private static boolean live(JsonWebToken jwt, long nowMillis) {
        return jwt.getExpirationTime() > 0 && nowMillis < jwt.getExpirationTime() * 1000L;
    }

    int size() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
