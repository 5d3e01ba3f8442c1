package fr.creneau.model.triage;

/**
 * The life of a patient request in the practice's inbox. A patient's follow-up to an answered request puts it
 * back to READ, so that it needs the practice's attention again; a closed request takes no more replies.
 */
public enum RequestStatus {
    NEW,
    READ,
    ANSWERED,
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }

    public boolean canMoveTo(RequestStatus target) {
        switch (this) {
            case NEW:
                return target == READ || target == ANSWERED || target == CLOSED;
            case READ:
                return target == ANSWERED || target == CLOSED;
            case ANSWERED:
                return target == ANSWERED || target == READ || target == CLOSED;
            default:
                return false;
        }
    }
}
