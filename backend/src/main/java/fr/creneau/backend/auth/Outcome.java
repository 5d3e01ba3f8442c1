package fr.creneau.backend.auth;

import fr.creneau.backend.platform.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * A result or a refusal that must not roll back its transaction: a counted failed login, a revoked token family.
 * The refusal is thrown once the transaction has committed.
 */
record Outcome<T>(T value, ProblemException problem) {

    static <T> Outcome<T> ok(T value) {
        return new Outcome<>(value, null);
    }

    static <T> Outcome<T> refusal(ProblemException problem) {
        return new Outcome<>(null, problem);
    }

    static <T> Uni<Outcome<T>> refused(ProblemException problem) {
        return Uni.createFrom().item(refusal(problem));
    }

    T orThrow() {
        if (problem != null) {
            throw problem;
        }
        return value;
    }
}
