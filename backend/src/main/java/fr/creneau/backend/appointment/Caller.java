package fr.creneau.backend.appointment;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.model.rules.Role;

/**
 * Who is calling, read once at the start of a request: the reactive chain that follows may run after the
 * request-scoped {@link CurrentUser} is no longer reachable.
 */
public record Caller(long accountId, Role role, Long practiceId, Long practitionerId, Long patientId) {
    public static Caller of(CurrentUser user) {
        return new Caller(user.accountId(), user.role(), user.practiceId(), user.practitionerId(), user.patientId());
    }

    public boolean isPatient() {
        return role == Role.PATIENT;
    }

    public boolean isStaff() {
        return role.isStaff();
    }

    public boolean isStaffOf(Long otherPracticeId) {
        return isStaff() && practiceId != null && practiceId.equals(otherPracticeId);
    }
}
