package fr.creneau.backend.notification;

/** Where a notification goes. Not {@link fr.creneau.model.rules.Channel}, which is how an appointment was booked. */
public enum DeliveryChannel {
    PUSH,
    SMS,
    EMAIL;

    /** Push and SMS wake people up; email waits in the inbox, so quiet hours do not apply to it. */
    public boolean intrusive() {
        return this != EMAIL;
    }
}
