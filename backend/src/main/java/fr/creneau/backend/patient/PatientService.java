package fr.creneau.backend.patient;

import fr.creneau.backend.auth.PersonChecks;
import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.Params;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.api.PatientDto;
import fr.creneau.model.rules.FieldError;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.util.List;

/** The patients a practice's secretariat finds and registers. A practice sees only the patients it knows. */
@ApplicationScoped
public class PatientService {
    @Inject
    PatientRepository patients;

    @Inject
    fr.creneau.backend.noshow.NoShowRepository noShows;

    public Uni<List<PatientDto>> search(CurrentUser user, long practiceId, String q, String birthDate, String phone) {
        user.requireStaffOf(practiceId, "Practice");
        LocalDate birth = Params.date("birthDate", birthDate, false);
        String e164 = null;
        if (phone != null && !phone.isBlank()) {
            e164 = PhoneNumbers.toE164(phone);
            if (e164 == null) {
                throw ProblemException.invalid("phone", "invalid_phone", "is not a phone number");
            }
        }
        String words = q == null || q.isBlank() ? null : q;
        LocalDate birthFilter = birth;
        String phoneFilter = e164;
        return Panache.withSession(() -> patients.searchKnownTo(practiceId, words, birthFilter, phoneFilter)
                .chain(found -> noShows.counts(practiceId, found.stream().map(p -> p.id).toList())
                        .map(counts -> found.stream()
                                .map(p -> PatientMapper.toStaffDto(p, counts.get(p.id)))
                                .toList())));
    }

    /**
     * Registers a caller for the practice. The same person (names, birth date, phone) is linked rather than
     * duplicated: 200 with the existing record, else 201.
     */
    public Uni<Response> create(CurrentUser user, long practiceId, PatientDto dto) {
        user.requireStaffOf(practiceId, "Practice");
        if (dto == null) {
            throw ProblemException.invalid("body", "required", "a JSON body is required");
        }
        List<FieldError> errors = dto.validate(false);
        // The same checks as a patient's own registration: a birth date in the future would make the triage grid
        // take an adult for a newborn
        PersonChecks.phone(errors, "phone", dto.phone);
        PersonChecks.birthDate(errors, "birthDate", dto.birthDate);
        ProblemException.check(errors);
        String phone = PhoneNumbers.toE164(dto.phone);
        LocalDate birth = LocalDate.parse(dto.birthDate);
        String lastName = dto.lastName.trim();
        String firstName = dto.firstName.trim();
        return Panache.withTransaction(() -> patients.lockIdentity(lastName, firstName, birth, phone)
                .chain(() -> patients.findIdentical(lastName, firstName, birth, phone))
                .chain(existing -> {
                    if (existing != null) {
                        return patients.linkToPractice(practiceId, existing.id)
                                .chain(() -> noShows.counts(practiceId, List.of(existing.id)))
                                .map(counts -> Response.ok(PatientMapper.toStaffDto(existing,
                                        counts.get(existing.id))).build());
                    }
                    Patient p = new Patient();
                    p.lastName = lastName;
                    p.firstName = firstName;
                    p.birthDate = birth;
                    p.phone = phone;
                    p.email = dto.email == null || dto.email.isBlank() ? null : dto.email.trim();
                    return patients.persistAndFlush(p)
                            .chain(() -> patients.linkToPractice(practiceId, p.id))
                            .map(v -> Response.status(201).entity(PatientMapper.toStaffDto(p, null)).build());
                }));
    }
}
