package fr.creneau.backend.patient;

import fr.creneau.model.api.PatientDto;

/** The API view of a patient. The no-show count is for staff only, so callers pass it explicitly. */
public final class PatientMapper {
    private PatientMapper() {
    }

    public static PatientDto toDto(Patient p, Integer noShowCount) {
        PatientDto d = new PatientDto();
        d.id = p.id;
        d.lastName = p.lastName;
        d.firstName = p.firstName;
        d.birthDate = p.birthDate == null ? null : p.birthDate.toString();
        d.phone = p.phone;
        d.email = p.email;
        d.holderId = p.holderId;
        d.noShowCount = noShowCount;
        return d;
    }
}
