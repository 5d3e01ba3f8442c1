package fr.creneau.backend.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * bcrypt on a worker thread: a hash costs tens of milliseconds of CPU, which must not stall the event loop that
 * serves every other request. The result comes back on the caller's context, where the reactive session lives.
 */
@ApplicationScoped
public class Passwords {
    /** Compared against when the email is unknown, so that an unknown email costs as long as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no-such-account-password");

    @Inject
    Vertx vertx;

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(() -> BcryptUtil.bcryptHash(password), false);
    }

    /** A null hash (no such account) still spends a comparison and answers false. */
    public Uni<Boolean> matches(String password, String hash) {
        return vertx.executeBlocking(() -> {
            if (hash == null) {
                BcryptUtil.matches(password, DUMMY_HASH);
                return false;
            }
            return BcryptUtil.matches(password, hash);
        }, false);
    }
}
