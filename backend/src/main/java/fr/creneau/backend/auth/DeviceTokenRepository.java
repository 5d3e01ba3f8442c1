package fr.creneau.backend.auth;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class DeviceTokenRepository implements PanacheRepositoryBase<DeviceToken, Long> {

    /**
     * One row per push key. A phone that changes hands (sign-out, another account signs in) keeps its key, so the
     * key moves to the new account: the previous one must stop receiving its notifications.
     */
    public Uni<Integer> upsert(long accountId, String pushKey) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "INSERT INTO device_token (account_id, push_key) VALUES (:accountId, :pushKey)"
                                + " ON CONFLICT (push_key) DO UPDATE SET account_id = EXCLUDED.account_id, created_at = now()")
                .setParameter("accountId", accountId)
                .setParameter("pushKey", pushKey)
                .executeUpdate());
    }

    public Uni<List<DeviceToken>> forAccount(long accountId) {
        return list("accountId", accountId);
    }
}
