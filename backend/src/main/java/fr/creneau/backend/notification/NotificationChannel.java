package fr.creneau.backend.notification;

import java.util.List;
import java.util.Map;

/**
 * A way to reach a patient (a push provider, an SMS provider, an SMTP server). Adding a provider means one more
 * implementation; the dispatcher, the outbox and the policy do not change.
 *
 * <p>Every message carries an idempotency key derived from its outbox id; an implementation passes it to the
 * provider in whatever field the provider offers, so that a message re-sent after a crash can be recognised.
 */
public interface NotificationChannel {
    DeliveryChannel channel();

    /** Sends the messages and answers one result per message, in the same order. Never throws for a send failure. */
    List<SendResult> send(List<Outgoing> messages);

    /**
     * One message to one target: a device push key, an E.164 number or an email address. {@code data} is what
     * the app needs to open the right screen (ids only); push sends it, the other channels ignore it.
     */
    record Outgoing(long outboxId, String idempotencyKey, String target, RenderedMessage message, Map<String, String> data) {
        public Outgoing(long outboxId, String idempotencyKey, String target, RenderedMessage message) {
            this(outboxId, idempotencyKey, target, message, Map.of());
        }
    }

    record SendResult(Outcome outcome, String providerRef, String error) {
        public static SendResult sent(String providerRef) {
            return new SendResult(Outcome.SENT, providerRef, null);
        }

        public static SendResult retry(String error) {
            return new SendResult(Outcome.RETRY, null, error);
        }

        public static SendResult failed(String error) {
            return new SendResult(Outcome.FAILED, null, error);
        }

        public static SendResult gone(String error) {
            return new SendResult(Outcome.TARGET_GONE, null, error);
        }

        public static SendResult skipped(String reason) {
            return new SendResult(Outcome.SKIPPED, null, reason);
        }
    }

    enum Outcome {
        /** The provider accepted the message. */
        SENT,
        /** A transient failure (network, 5xx, 429, quota): try again later. */
        RETRY,
        /** The provider refused this message for good: retrying cannot help. */
        FAILED,
        /** The target no longer exists (an unregistered device): forget it. */
        TARGET_GONE,
        /** Not sent on purpose (a target this channel cannot reach). */
        SKIPPED
    }
}
