package fr.creneau.backend.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.creneau.model.api.SlotDto;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Computed free slots of one practitioner, one motive and one local date, kept in this backend instance.
 *
 * <p>An entry is served only when all of these hold, so that it can never offer a slot that a committed change
 * has taken away:
 * <ul>
 * <li>its {@code version} equals the practitioner's current {@code agenda_version}, read from the database by the
 * same request before any other agenda data (the database bumps it at the commit of every change to
 * appointments, absences, opening ranges and urgency releases, whichever instance or tool made it);</li>
 * <li>the practice's and motive's settings it was computed with are part of the key (time zone, minimum notice,
 * horizon, duration, bookable online) and are read fresh by the same request;</li>
 * <li>"now" lies in [computedAt, validUntil): {@link SlotCalculator.Day#validUntil} is the first instant at which
 * the time rules could answer differently (a slot becoming too soon, a reserve released by time, a date
 * entering the horizon). A clock set back before the computation also misses.</li>
 * </ul>
 * Memory is bounded by a total number of cached slots (LRU-like eviction, Caffeine's W-TinyLFU).
 */
@ApplicationScoped
public class AvailabilityCache {
    /** Everything a day's answer depends on besides the agenda data counted by the version, and "now". */
    public record Key(long practitionerId, long motiveId, int durationMinutes, boolean bookableOnline, boolean staff,
                      ZoneId zone, int minNoticeMinutes, int horizonDays, LocalDate date) {
    }

    /**
     * One computed date: its slots as sent, sorted by start ({@code firstStart} is the first one's, or null), and
     * those slots as JSON, written once on first use: a served day is then copied, not serialised again (writing
     * four weeks of slots was a third of the backend's CPU per availability request).
     */
    public static final class Day {
        private final long version;
        private final Instant computedAt;
        private final Instant validUntil;
        private final List<SlotDto> slots;
        private final Instant firstStart;
        /** The slots' JSON objects separated by commas, without the brackets (empty for no slot); null until used. */
        private volatile byte[] json;

        public Day(long version, Instant computedAt, Instant validUntil, List<SlotDto> slots, Instant firstStart) {
            this.version = version;
            this.computedAt = computedAt;
            this.validUntil = validUntil;
            this.slots = slots;
            this.firstStart = firstStart;
        }

        public long version() {
            return version;
        }

        public Instant computedAt() {
            return computedAt;
        }

        public Instant validUntil() {
            return validUntil;
        }

        public List<SlotDto> slots() {
            return slots;
        }

        public Instant firstStart() {
            return firstStart;
        }

        /** The slots as the API writes them (the application's mapper, so the DTOs' one JSON mapping). */
        byte[] json(ObjectMapper mapper) {
            byte[] j = json;
            if (j == null) {
                try {
                    byte[] array = mapper.writeValueAsBytes(slots);
                    j = Arrays.copyOfRange(array, 1, array.length - 1);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("slots could not be written as JSON", e);
                }
                json = j; // two requests may both write it: same bytes, either one is kept
            }
            return j;
        }

        boolean servable(long currentVersion, Instant now) {
            return version == currentVersion && !now.isBefore(computedAt) && now.isBefore(validUntil);
        }
    }

    /** Days in order as one JSON array, each day's slots written at most once (see {@link Day#json}). */
    public static byte[] jsonArray(Day[] days, ObjectMapper mapper) {
        byte[][] parts = new byte[days.length][];
        int size = 2;
        for (int i = 0; i < days.length; i++) {
            parts[i] = days[i].json(mapper);
            if (parts[i].length > 0) {
                size += (size > 2 ? 1 : 0) + parts[i].length;
            }
        }
        byte[] out = new byte[size];
        int at = 0;
        out[at++] = '[';
        for (byte[] p : parts) {
            if (p.length > 0) {
                if (at > 1) {
                    out[at++] = ',';
                }
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
        }
        out[at] = ']';
        return out;
    }

    /** About 200 bytes per cached slot, and 130 more for its JSON once served: the default keeps the cache near 65 MB. */
    @ConfigProperty(name = "creneau.availability-cache.max-slots", defaultValue = "200000")
    long maxSlots;

    private Cache<Key, Day> days;

    @PostConstruct
    void init() {
        days = Caffeine.newBuilder()
                .maximumWeight(maxSlots)
                .weigher((Key k, Day d) -> 1 + d.slots().size())
                // Maintenance on the calling thread: no pool of its own, nothing to shut down
                .executor(Runnable::run)
                .build();
    }

    /** The day's cached answer if it may be served at {@code now} for that version; else null. */
    public Day get(Key key, long version, Instant now) {
        Day d = days.getIfPresent(key);
        return d != null && d.servable(version, now) ? d : null;
    }

    /** Keeps a computed day, unless a request that read a later version has already stored one. */
    public void put(Key key, Day day) {
        days.asMap().merge(key, day, (old, fresh) -> old.version() > fresh.version() ? old : fresh);
    }
}
