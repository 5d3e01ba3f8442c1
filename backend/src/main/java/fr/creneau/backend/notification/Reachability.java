package fr.creneau.backend.notification;

/**
 * Which channels can reach a patient right now: their choice and a usable address (a registered device, a phone
 * number, an email address).
 */
public record Reachability(boolean push, boolean sms, boolean email) {
    public boolean any() {
        return push || sms || email;
    }
}
