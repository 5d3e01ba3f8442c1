package fr.creneau.backend.auth;

import fr.creneau.backend.patient.Patient;
import fr.creneau.backend.patient.PatientMapper;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.PatientDto;
import fr.creneau.model.rules.Role;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** The API view of an account; a patient account lists whom it may book for (holder first, then relatives). */
@ApplicationScoped
public class AccountViews {

    public Uni<AccountDto> toDto(Account account) {
        if (account.role != Role.PATIENT || account.patientId == null) {
            return Uni.createFrom().item(base(account));
        }
        return Patient.<Patient>list("id = ?1 or holderId = ?1 order by case when id = ?1 then 0 else 1 end, id",
                        account.patientId)
                .map(patients -> {
                    AccountDto dto = base(account);
                    List<PatientDto> list = new ArrayList<>();
                    for (Patient p : patients) {
                        list.add(PatientMapper.toDto(p, null));
                    }
                    dto.patients = list;
                    return dto;
                });
    }

    public AccountDto base(Account account) {
        AccountDto dto = new AccountDto();
        dto.id = account.id;
        dto.email = account.email;
        dto.role = account.role;
        dto.displayName = account.displayName;
        dto.practiceId = account.practiceId;
        dto.practitionerId = account.practitionerId;
        return dto;
    }
}
