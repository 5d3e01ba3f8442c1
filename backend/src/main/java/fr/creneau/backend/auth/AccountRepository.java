package fr.creneau.backend.auth;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, Long> {

    /** Emails are unique case-insensitively (account_email_idx is on lower(email)). */
    public Uni<Account> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResult();
    }

    /** Row-locked, so that concurrent login attempts on one account are counted one after the other. */
    public Uni<Account> findByEmailForUpdate(String email) {
        return find("lower(email) = lower(?1)", email).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Boolean> emailTaken(String email) {
        return count("lower(email) = lower(?1)", email).map(n -> n > 0);
    }

    public Uni<Integer> clearFailedLogins(long accountId) {
        return update("failedLogins = 0, lockedUntil = null where id = ?1", accountId);
    }
}
