package fr.creneau.backend.notification;

/** What a notification announces. The policy decides when and where; the renderer decides the words. */
public enum NotificationKind {
    BOOKED_CONFIRMATION,
    REMINDER_WEEK,
    REMINDER_48H_CONFIRM,
    ESCALATION_SMS,
    REMINDER_2H,
    MOVED,
    CANCELLED,
    WAITLIST_OFFER,
    /** The practice answered a patient's request: push only, no appointment, no clinical detail. */
    REQUEST_ANSWERED,
    /** A waitlist offer the patient held went to someone else (or the slot was booked): they stay on the waitlist. */
    WAITLIST_GONE,
    /** The practitioner is away: the appointment is cancelled; emergency number and substitute. */
    ABSENCE_CANCELLED,
    /** The same, with the nearest free slots proposed and a single-use link to pick one. */
    ABSENCE_PROPOSAL;

    /** Waitlist messages: about a slot, not an appointment; practice, date and time only, push or SMS. */
    public boolean aboutWaitlist() {
        return this == WAITLIST_OFFER || this == WAITLIST_GONE;
    }

    /** Reminders of the same patient's same day are merged into one message. */
    public boolean grouped() {
        return this == REMINDER_WEEK || this == REMINDER_48H_CONFIRM || this == ESCALATION_SMS || this == REMINDER_2H;
    }

    /** Messages that ask the patient to confirm or cancel carry a single-use link. */
    public boolean asksConfirmation() {
        return this == REMINDER_48H_CONFIRM || this == ESCALATION_SMS;
    }

    /**
     * Messages about an appointment that must still be live (pending, at the announced time) when sent: a
     * reminder for a slot that moved or was cancelled since is dropped, not sent.
     */
    public boolean needsLiveAppointment() {
        return this != CANCELLED && !aboutWaitlist() && !aboutRequest() && !aboutAbsence();
    }

    /** Messages about a patient request rather than an appointment: they name the practice and nothing else. */
    public boolean aboutRequest() {
        return this == REQUEST_ANSWERED;
    }

    /** Notices about an appointment an absence cancelled: the appointment is no longer live, on purpose. */
    public boolean aboutAbsence() {
        return this == ABSENCE_CANCELLED || this == ABSENCE_PROPOSAL;
    }
}
