package fr.creneau.backend.appointment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, Long> {
    public Uni<IdempotencyRecord> findKey(long accountId, String key) {
        return find("accountId = ?1 and key = ?2", accountId, key).firstResult();
    }
}
