package fr.creneau.backend.auth;

import fr.creneau.backend.patient.Patient;
import fr.creneau.backend.patient.PatientMapper;
import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.platform.ProblemMappers;
import fr.creneau.backend.practice.Practitioner;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.DeviceTokenRequest;
import fr.creneau.model.api.PatientDto;
import fr.creneau.model.api.StaffAccountRequest;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The signed-in account: who it is, the relatives it books for, its devices; and staff accounts of a practice. */
@ApplicationScoped
public class AccountService {

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountRepository accounts;

    @Inject
    DeviceTokenRepository devices;

    @Inject
    AccountViews views;

    @Inject
    Passwords passwords;

    public Uni<AccountDto> me() {
        long accountId = currentUser.accountId();
        return Panache.withSession(() -> accounts.findById(accountId).flatMap(account -> {
            if (account == null) {
                // A valid token for an account that no longer exists
                throw new UnauthorizedException();
            }
            return views.toDto(account);
        }));
    }

    /** A relative (a child) is booked for by the caller: the holder is always the caller's own patient. */
    public Uni<PatientDto> addRelative(PatientDto request) {
        Long holderId = currentUser.patientId();
        if (holderId == null) {
            throw ProblemException.forbidden("Only a patient account has relatives");
        }
        List<FieldError> errors = new ArrayList<>(request.validate(true));
        PersonChecks.phone(errors, "phone", request.phone);
        PersonChecks.birthDate(errors, "birthDate", request.birthDate);
        ProblemException.check(errors);

        Patient relative = new Patient();
        relative.lastName = request.lastName.trim();
        relative.firstName = request.firstName.trim();
        relative.birthDate = LocalDate.parse(request.birthDate);
        relative.phone = PersonChecks.e164(request.phone);
        relative.email = request.email;
        relative.holderId = holderId;
        return Panache.withTransaction(relative::<Patient>persist).map(p -> PatientMapper.toDto(p, null));
    }

    public Uni<Void> registerDevice(DeviceTokenRequest request) {
        long accountId = currentUser.accountId();
        ProblemException.check(request.validate());
        return Panache.withTransaction(() -> devices.upsert(accountId, request.pushKey.trim())).replaceWithVoid();
    }

    /** Only the admin of this very practice; any other practice does not exist for them. */
    public Uni<AccountDto> createStaff(long practiceId, StaffAccountRequest request) {
        currentUser.requireStaffOf(practiceId, "Practice");
        if (currentUser.role() != Role.PRACTICE_ADMIN) {
            throw ProblemException.forbidden("Only the practice admin creates staff accounts");
        }
        List<FieldError> errors = new ArrayList<>(request.validate());
        if (request.role != null && request.role != Role.PRACTITIONER && request.practitionerId != null) {
            errors.add(new FieldError("practitionerId", "not_allowed", "only a practitioner account names a practitioner"));
        }
        ProblemException.check(errors);

        return passwords.hash(request.password).flatMap(hash -> Panache.withTransaction(() ->
                        checkPractitioner(practiceId, request)
                                .flatMap(v -> accounts.emailTaken(request.email))
                                .flatMap(taken -> {
                                    if (taken) {
                                        throw AuthService.emailTaken();
                                    }
                                    Account account = new Account();
                                    account.email = request.email;
                                    account.passwordHash = hash;
                                    account.role = request.role;
                                    account.displayName = request.displayName.trim();
                                    account.practiceId = practiceId;
                                    account.practitionerId = request.role == Role.PRACTITIONER ? request.practitionerId : null;
                                    return accounts.persistAndFlush(account);
                                })
                                .map(views::base)))
                .onFailure(e -> "23505".equals(ProblemMappers.sqlState(e))).transform(e -> AuthService.emailTaken());
    }

    private Uni<Void> checkPractitioner(long practiceId, StaffAccountRequest request) {
        if (request.role != Role.PRACTITIONER) {
            return Uni.createFrom().voidItem();
        }
        return Practitioner.<Practitioner>findById(request.practitionerId).map(p -> {
            if (p == null || !p.practiceId.equals(practiceId)) {
                throw ProblemException.invalid("practitionerId", "unknown_practitioner",
                        "is not a practitioner of this practice");
            }
            return null;
        });
    }
}
