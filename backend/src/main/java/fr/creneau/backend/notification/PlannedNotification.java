package fr.creneau.backend.notification;

import java.time.Instant;

/** One message the policy wants sent: what, where, when, and the key that merges a patient's same-day reminders. */
public record PlannedNotification(NotificationKind kind, DeliveryChannel channel, Instant dueAt, String groupKey) {
}
