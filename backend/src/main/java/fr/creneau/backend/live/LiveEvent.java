package fr.creneau.backend.live;

import java.util.Map;

/**
 * One live update for a practice's staff. {@code payload} carries ids and states only, never clinical content:
 * the app refetches what it shows, with its own authorization.
 */
public record LiveEvent(long id, String type, long practiceId, String at, Map<String, Object> payload) {
}
