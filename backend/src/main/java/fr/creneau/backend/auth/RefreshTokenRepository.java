package fr.creneau.backend.auth;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, Long> {

    /** Row-locked: of two concurrent uses of one token, the second sees it used and revokes the family. */
    public Uni<RefreshToken> findByHashForUpdate(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Integer> revokeFamily(String family, Instant at) {
        return update("revokedAt = ?1 where family = ?2 and revokedAt is null", at, family);
    }
}
