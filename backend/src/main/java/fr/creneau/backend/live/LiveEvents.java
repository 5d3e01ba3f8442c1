package fr.creneau.backend.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-process fan-out of live updates to the SSE streams of each practice. Publish AFTER the transaction that
 * made the change has committed (chain it after the {@code @WithTransaction} method's Uni), so that a client
 * that refetches on the event sees the change. One backend instance: a second instance would need a shared bus
 * (PostgreSQL LISTEN/NOTIFY would do).
 */
@ApplicationScoped
public class LiveEvents {
    public static final String AGENDA_CHANGED = "AGENDA_CHANGED";
    public static final String NEW_REQUEST = "NEW_REQUEST";
    public static final String REQUEST_UPDATED = "REQUEST_UPDATED";
    public static final String URGENT_TRANSFER = "URGENT_TRANSFER";
    public static final String ARRIVAL = "ARRIVAL";
    /** Sent first on every stream, so a client knows it is subscribed. */
    public static final String READY = "READY";
    public static final int BUFFER_PER_CLIENT = 256;

    private final BroadcastProcessor<LiveEvent> processor = BroadcastProcessor.create();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param payload ids and states only (appointmentId, practitionerId, status...), no clinical detail
     */
    public void publish(long practiceId, String type, Map<String, Object> payload) {
        LiveEvent event = new LiveEvent(sequence.incrementAndGet(), type, practiceId, Instant.now().toString(),
                payload == null ? Map.of() : new LinkedHashMap<>(payload));
        // a processor's onNext must not run concurrently
        synchronized (processor) {
            processor.onNext(event);
        }
    }

    /** The practice's events from now on; a client too slow to keep up loses its oldest pending events. */
    public Multi<LiveEvent> stream(long practiceId) {
        return processor.filter(e -> e.practiceId() == practiceId)
                .onOverflow().buffer(BUFFER_PER_CLIENT);
    }
}
