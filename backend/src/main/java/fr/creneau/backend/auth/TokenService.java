package fr.creneau.backend.auth;

import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.api.RefreshRequest;
import fr.creneau.model.api.TokenResponse;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Access and refresh tokens. A refresh token is 256 random bits that only the client holds: the database keeps
 * its SHA-256, so a leaked table cannot be replayed. Each use rotates it within its family; a second use of a
 * used token means someone replays a stolen copy, so the whole family dies, the thief's and the owner's alike.
 */
@ApplicationScoped
public class TokenService {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TokenIssuer issuer;

    @Inject
    AccountRepository accounts;

    @Inject
    RefreshTokenRepository refreshTokens;

    @Inject
    AccountViews views;

    @ConfigProperty(name = "creneau.auth.refresh-token-days")
    int refreshTokenDays;

    /** A new pair in a new family (a fresh sign-in). Call inside a transaction. */
    public Uni<TokenResponse> signIn(Account account) {
        return issue(account, UUID.randomUUID().toString(), Instant.now());
    }

    public Uni<TokenResponse> refresh(RefreshRequest request) {
        ProblemException.check(request.validate());
        String hash = sha256(request.refreshToken);
        Instant now = Instant.now();
        // The revocation of a replayed family must commit, so the refusal is thrown after the transaction.
        return Panache.withTransaction(() -> refreshTokens.findByHashForUpdate(hash).flatMap(token -> {
            if (token == null) {
                return Outcome.<TokenResponse>refused(invalid());
            }
            if (token.usedAt != null) {
                return refreshTokens.revokeFamily(token.family, now).map(n -> Outcome.<TokenResponse>refusal(reused()));
            }
            if (token.revokedAt != null || !token.expiresAt.isAfter(now)) {
                return Outcome.<TokenResponse>refused(invalid());
            }
            token.usedAt = now;
            return accounts.findById(token.accountId).flatMap(account -> account == null
                    ? Outcome.<TokenResponse>refused(invalid())
                    : issue(account, token.family, now).map(Outcome::ok));
        })).map(Outcome::orThrow);
    }

    /** Ends the session of this device: its whole family. An unknown token is already as good as logged out. */
    public Uni<Void> logout(RefreshRequest request) {
        ProblemException.check(request.validate());
        String hash = sha256(request.refreshToken);
        return Panache.withTransaction(() -> refreshTokens.findByHashForUpdate(hash).flatMap(token -> token == null
                ? Uni.createFrom().voidItem()
                : refreshTokens.revokeFamily(token.family, Instant.now()).replaceWithVoid()));
    }

    private Uni<TokenResponse> issue(Account account, String family, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        RefreshToken token = new RefreshToken();
        token.accountId = account.id;
        token.family = family;
        token.tokenHash = sha256(raw);
        token.expiresAt = now.plus(Duration.ofDays(refreshTokenDays));
        return refreshTokens.persist(token)
                .flatMap(t -> views.toDto(account))
                .map(dto -> {
                    TokenResponse r = new TokenResponse();
                    r.accessToken = issuer.accessToken(account);
                    r.refreshToken = raw;
                    r.expiresIn = issuer.lifespanSeconds();
                    r.account = dto;
                    return r;
                });
    }

    static String sha256(String raw) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(401, "invalid_refresh_token", "This refresh token is unknown, expired or revoked: sign in again");
    }

    private static ProblemException reused() {
        return new ProblemException(401, "refresh_token_reused",
                "This refresh token was already used: every session it opened is now closed, sign in again");
    }
}
