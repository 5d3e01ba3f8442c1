package fr.creneau.backend.journal;

import fr.creneau.model.rules.Role;

/** Who acts and from where. {@link Journal#currentActor()} reads it from the current request. */
public record JournalActor(Long accountId, Role role, String clientIp) {
    /** For work that no person triggers (scheduled jobs). */
    public static JournalActor system() {
        return new JournalActor(null, null, null);
    }
}
