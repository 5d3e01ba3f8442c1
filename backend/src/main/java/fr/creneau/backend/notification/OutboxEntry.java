package fr.creneau.backend.notification;

import java.time.Instant;
import java.util.Map;

/**
 * A row to write into notification_outbox. The payload holds ids and flags only: never a motive, a note or any
 * other clinical detail, which the renderer reads (and filters) at send time.
 */
public record OutboxEntry(Long appointmentId, long patientId, Long accountId, Long practiceId, DeliveryChannel channel,
                          NotificationKind kind, Instant dueAt, Map<String, Object> payload, String groupKey) {
}
