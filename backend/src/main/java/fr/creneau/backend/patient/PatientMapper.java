package fr.creneau.backend.patient;

import fr.creneau.model.api.PatientDto;

/** The API view of a patient. The no-show count is for staff only, so callers pass it explicitly. */
public final class PatientMapper {
    private PatientMapper() {
    }

    /** @param noShows unexcused and excused no-show counts at the staff's practice (null: none) */
    public static PatientDto toStaffDto(Patient p, int[] noShows) {
        PatientDto d = toDto(p, noShows == null ? 0 : noShows[0]);
        d.excusedNoShowCount = noShows == null ? 0 : noShows[1];
        return d;
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
