package fr.creneau.model.rules;

/** Who an account is. Staff roles belong to one practice. */
public enum Role {
    PATIENT,
    PRACTITIONER,
    SECRETARY,
    PRACTICE_ADMIN;

    public boolean isStaff() {
        return this != PATIENT;
    }
}
