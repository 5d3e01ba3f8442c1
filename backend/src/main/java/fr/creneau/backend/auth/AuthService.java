package fr.creneau.backend.auth;

import fr.creneau.backend.patient.Patient;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.platform.ProblemMappers;
import fr.creneau.model.api.LoginRequest;
import fr.creneau.model.api.RegisterRequest;
import fr.creneau.model.api.TokenResponse;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Opening a patient account and signing in, with per-account throttling of password guessing. */
@ApplicationScoped
public class AuthService {

    @Inject
    AccountRepository accounts;

    @Inject
    Passwords passwords;

    @Inject
    TokenService tokens;

    @ConfigProperty(name = "creneau.auth.max-failed-logins")
    int maxFailedLogins;

    @ConfigProperty(name = "creneau.auth.lockout-minutes")
    int lockoutMinutes;

    public Uni<TokenResponse> register(RegisterRequest request) {
        List<FieldError> errors = new ArrayList<>(request.validate());
        PersonChecks.phone(errors, "phone", request.phone);
        PersonChecks.birthDate(errors, "birthDate", request.birthDate);
        ProblemException.check(errors);

        return passwords.hash(request.password).flatMap(hash -> Panache.withTransaction(() ->
                        accounts.emailTaken(request.email).flatMap(taken -> {
                            if (taken) {
                                throw emailTaken();
                            }
                            Patient holder = new Patient();
                            holder.lastName = request.lastName.trim();
                            holder.firstName = request.firstName.trim();
                            holder.birthDate = LocalDate.parse(request.birthDate);
                            holder.phone = PersonChecks.e164(request.phone);
                            holder.email = request.email;
                            return holder.<Patient>persist();
                        }).flatMap(holder -> {
                            Account account = new Account();
                            account.email = request.email;
                            account.passwordHash = hash;
                            account.role = Role.PATIENT;
                            account.displayName = holder.fullName();
                            account.patientId = holder.id;
                            return accounts.persistAndFlush(account);
                        }).flatMap(tokens::signIn)))
                // Two registrations racing for one email: the unique index decides, the loser hears the same answer.
                .onFailure(e -> "23505".equals(ProblemMappers.sqlState(e))).transform(e -> emailTaken());
    }

    /**
     * The attempt is counted before the password is checked, under a row lock, so that parallel guesses cannot
     * all slip past the limit while bcrypt runs. A correct password then clears the count (and a lock that its
     * own attempt set). An unknown email and a wrong password get the same answer after the same bcrypt work.
     */
    public Uni<TokenResponse> login(LoginRequest request) {
        ProblemException.check(request.validate());
        Instant now = Instant.now();
        return Panache.withTransaction(() -> accounts.findByEmailForUpdate(request.email).flatMap(account -> {
                    if (account == null) {
                        return Uni.createFrom().item(Attempt.unknown());
                    }
                    if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
                        return Uni.createFrom().item(Attempt.locked(account));
                    }
                    int failures = account.failedLogins + 1;
                    if (failures >= maxFailedLogins) {
                        // The lock replaces the count: once it expires, the account gets a full set of attempts.
                        account.failedLogins = 0;
                        account.lockedUntil = now.plus(Duration.ofMinutes(lockoutMinutes));
                        return Uni.createFrom().item(Attempt.lastBeforeLock(account));
                    }
                    account.failedLogins = failures;
                    return Uni.createFrom().item(Attempt.counted(account));
                }))
                .flatMap(attempt -> {
                    if (attempt.lockedUntil != null && !attempt.lastBeforeLock) {
                        return Uni.createFrom().failure(tooManyAttempts(attempt.lockedUntil));
                    }
                    return passwords.matches(request.password, attempt.passwordHash).flatMap(ok -> {
                        if (!ok) {
                            return Uni.createFrom().failure(attempt.lastBeforeLock
                                    ? tooManyAttempts(attempt.lockedUntil) : badCredentials());
                        }
                        return Panache.withTransaction(() -> accounts.clearFailedLogins(attempt.accountId)
                                .flatMap(n -> accounts.findById(attempt.accountId))
                                .flatMap(tokens::signIn));
                    });
                });
    }

    private static ProblemException tooManyAttempts(Instant lockedUntil) {
        long seconds = Duration.between(Instant.now(), lockedUntil).toSeconds() + 1;
        return new TooManyAttemptsException(seconds);
    }

    private static ProblemException badCredentials() {
        return new ProblemException(401, "bad_credentials", "Wrong email or password");
    }

    static ProblemException emailTaken() {
        return ProblemException.conflict("email_taken", "An account already uses this email");
    }

    /** What the counting transaction decided, carried out of it before bcrypt runs. */
    private record Attempt(Long accountId, String passwordHash, Instant lockedUntil, boolean lastBeforeLock) {
        static Attempt unknown() {
            return new Attempt(null, null, null, false);
        }

        static Attempt locked(Account a) {
            return new Attempt(a.id, a.passwordHash, a.lockedUntil, false);
        }

        static Attempt lastBeforeLock(Account a) {
            return new Attempt(a.id, a.passwordHash, a.lockedUntil, true);
        }

        static Attempt counted(Account a) {
            return new Attempt(a.id, a.passwordHash, null, false);
        }
    }
}
