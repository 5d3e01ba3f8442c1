package fr.creneau.model.triage;

/**
 * How soon a request needs a clinician. EMERGENCY is never a message: the patient is told to call the emergency
 * number instead. Declared from most to least pressing, so that {@link #ordinal()} sorts an inbox.
 */
public enum Priority {
    EMERGENCY,
    URGENT,
    ROUTINE;

    public boolean isMoreUrgentThan(Priority other) {
        return other == null || ordinal() < other.ordinal();
    }
}
