package fr.creneau.backend.patient;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.api.PatientDto;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
        LocalDate birth = null;
        if (birthDate != null && !birthDate.isBlank()) {
            try {
                birth = LocalDate.parse(birthDate);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("birthDate", "invalid_date", "must be a date such as 1985-04-12");
            }
        }
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
        ProblemException.check(dto.validate(false));
        String phone = PhoneNumbers.toE164(dto.phone);
        if (phone == null) {
            throw ProblemException.invalid("phone", "invalid_phone", "is not a valid phone number");
        }
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
