package fr.creneau.model.rules;

/**
 * The life of an appointment, and who may move it where. The backend refuses any other move; the app only
 * offers the moves this class allows.
 */
public enum AppointmentStatus {
    BOOKED,
    CONFIRMED,
    ARRIVED,
    SEEN,
    NO_SHOW,
    CANCELLED_BY_PATIENT,
    CANCELLED_BY_PRACTICE;

    /** A cancelled appointment frees its slot; every other state holds it. */
    public boolean holdsSlot() {
        return this != CANCELLED_BY_PATIENT && this != CANCELLED_BY_PRACTICE;
    }

    public boolean isCancelled() {
        return !holdsSlot();
    }

    /** Still to come: it can be confirmed, moved or cancelled. */
    public boolean isPending() {
        return this == BOOKED || this == CONFIRMED;
    }

    public boolean isFinal() {
        return this == SEEN || this == NO_SHOW || isCancelled();
    }

    /** Whether the state machine has an edge from this state to {@code target}, whoever asks. */
    public boolean canMoveTo(AppointmentStatus target) {
        switch (this) {
            case BOOKED:
                return target == CONFIRMED || target == ARRIVED || target == NO_SHOW
                        || target == CANCELLED_BY_PATIENT || target == CANCELLED_BY_PRACTICE;
            case CONFIRMED:
                return target == ARRIVED || target == NO_SHOW
                        || target == CANCELLED_BY_PATIENT || target == CANCELLED_BY_PRACTICE;
            case ARRIVED:
                return target == SEEN;
            default:
                return false;
        }
    }

    /**
     * Whether {@code role} may make the move. Patients confirm and cancel their own appointments; staff do
     * everything else. A secretary may also cancel on a patient's behalf (a patient who calls to cancel).
     */
    public boolean canMoveTo(AppointmentStatus target, Role role) {
        if (!canMoveTo(target)) {
            return false;
        }
        if (role == Role.PATIENT) {
            return target == CONFIRMED || target == CANCELLED_BY_PATIENT;
        }
        return true;
    }

    /** Moves that need a reason from whoever makes them. */
    public static boolean needsReason(AppointmentStatus target) {
        return target == CANCELLED_BY_PATIENT || target == CANCELLED_BY_PRACTICE;
    }
}
