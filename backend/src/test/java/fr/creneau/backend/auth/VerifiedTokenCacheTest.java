package fr.creneau.backend.auth;

import fr.creneau.backend.support.MovableClock;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache in front of the token verifier, with a verifier that counts its calls and a clock moved by hand. The
 * verifier's own checks (signature, issuer, audience, expiry, alg none) are AccessTokenTest's, through the running
 * application, where this cache sits in front of them.
 */
class VerifiedTokenCacheTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    /** Answers a token "name:expiryEpochSecond" as a JsonWebToken expiring then; "bad:..." fails as a forgery would. */
    static final class CountingVerifier extends DefaultJWTParser {
        final Map<String, AtomicInteger> calls = new HashMap<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
            String[] parts = token.split(":");
            if (parts[0].equals("bad")) {
                throw new ParseException("signature does not match");
            }
            return new io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal(token, "JWT", claims(parts[0], Long.parseLong(parts[1])));
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
            calls.computeIfAbsent("ctx " + token, t -> new AtomicInteger()).incrementAndGet();
            return parse(token);
        }

        int calls(String token) {
            AtomicInteger n = calls.get(token);
            return n == null ? 0 : n.get();
        }

        private static JwtClaims claims(String subject, long exp) {
            JwtClaims c = new JwtClaims();
            c.setSubject(subject);
            c.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(exp));
            c.setStringListClaim("groups", "PATIENT");
            return c;
        }
    }

    private final CountingVerifier verifier = new CountingVerifier();
    private final MovableClock clock = new MovableClock(T0);
    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, 4);

    private static String token(String name, Instant expiry) {
        return name + ":" + expiry.getEpochSecond();
    }

    @Test
    void aTokenIsVerifiedOnceWhileItLives() throws ParseException {
        String t = token("alice", T0.plusSeconds(900));
        JsonWebToken first = cache.parse(t);
        clock.advance(Duration.ofMinutes(10));
        JsonWebToken again = cache.parse(t);

        assertThat(verifier.calls(t)).isEqualTo(1);
        assertThat(again.getSubject()).isEqualTo("alice");
        assertThat(again.getGroups()).isEqualTo(Set.of("PATIENT"));
        assertThat(again).isSameAs(first);
    }

    @Test
    void fromItsExpiryTheVerifierDecidesAgain() throws ParseException {
        String t = token("alice", T0.plusSeconds(900));
        cache.parse(t);
        clock.advance(Duration.ofSeconds(899));
        cache.parse(t);
        assertThat(verifier.calls(t)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        cache.parse(t);
        cache.parse(t);
        // the verifier grants a skew after expiry, the cache never does: each use goes back to it
        assertThat(verifier.calls(t)).isEqualTo(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void failuresAreNotRemembered() {
        String forged = token("bad", T0.plusSeconds(900));
        assertThatThrownBy(() -> cache.parse(forged)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> cache.parse(forged)).isInstanceOf(ParseException.class);
        assertThat(verifier.calls(forged)).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenThatDiffersByOneCharacterIsVerifiedAnew() throws ParseException {
        String t = token("alice", T0.plusSeconds(900));
        String other = token("alicf", T0.plusSeconds(900));
        cache.parse(t);
        assertThat(cache.parse(other).getSubject()).isEqualTo("alicf");
        assertThat(verifier.calls(other)).isEqualTo(1);
    }

    @Test
    void aTokenAlreadyExpiredWhenVerifiedIsNotKept() throws ParseException {
        // accepted by the verifier within its clock skew
        String t = token("alice", T0.minusSeconds(10));
        cache.parse(t);
        cache.parse(t);
        assertThat(verifier.calls(t)).isEqualTo(2);
    }

    @Test
    void theCacheStaysBoundedExpiredTokensGoingFirst() throws ParseException {
        cache.parse(token("old", T0.plusSeconds(60)));
        for (String name : new String[] {"a", "b", "c"}) {
            cache.parse(token(name, T0.plusSeconds(900)));
        }
        assertThat(cache.size()).isEqualTo(4);
        clock.advance(Duration.ofMinutes(2));

        cache.parse(token("d", T0.plusSeconds(900)));
        assertThat(cache.size()).isEqualTo(4);
        cache.parse(token("a", T0.plusSeconds(900)));
        assertThat(verifier.calls(token("a", T0.plusSeconds(900)))).isEqualTo(1);

        // full of live tokens: it starts again rather than grow
        cache.parse(token("e", T0.plusSeconds(900)));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void callsWithTheirOwnSettingsAreNotCached() throws ParseException {
        String t = token("alice", T0.plusSeconds(900));
        cache.parse(t, new JWTAuthContextInfo());
        cache.parse(t, new JWTAuthContextInfo());
        assertThat(verifier.calls("ctx " + t)).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }
}
