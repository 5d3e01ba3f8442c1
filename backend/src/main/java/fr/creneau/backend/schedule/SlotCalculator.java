package fr.creneau.backend.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides which slots a practitioner offers for a motive. Pure: it reads no database and no
 * system clock, so the listing of slots and the check made at booking time cannot disagree, and tests can put
 * "now" anywhere (including across the DST changes).
 *
 * <p>Ranges are in the practice's local time. A range becomes two instants (its local start and end on that
 * date), and slots are consecutive steps of the motive duration in real time from the range start, fully inside
 * the range. Stepping in real time rather than in wall-clock time keeps slots non-overlapping and of the real
 * duration when a range spans the missing (March) or doubled (October) hour.
 */
public final class SlotCalculator {

    /** An opening range as the calculator needs it. {@code dayOfWeek} is ISO (1 = Monday), or null with a date. */
    public record Range(long id, long siteId, Integer dayOfWeek, LocalDate date, LocalTime start, LocalTime end,
                        boolean urgencyReserve, int releaseMinutesBefore, Set<Long> motiveIds) {
        public boolean appliesTo(LocalDate d) {
            return date != null ? date.equals(d) : dayOfWeek != null && dayOfWeek == d.getDayOfWeek().getValue();
        }

        public boolean accepts(long motiveId) {
            return motiveIds.contains(motiveId);
        }

        public static Range of(OpeningRange r) {
            Set<Long> ids = new HashSet<>();
            if (r.motiveIds != null) {
                for (Long m : r.motiveIds) {
                    ids.add(m);
                }
            }
            return new Range(r.id, r.siteId, r.dayOfWeek == null ? null : r.dayOfWeek.intValue(), r.onDate,
                    r.startTime, r.endTime, r.urgencyReserve, r.releaseMinutesBefore, ids);
        }
    }

    /** A half-open busy time [start, end): an absence or a live appointment. */
    public record Interval(Instant start, Instant end) {
        boolean overlaps(Instant s, Instant e) {
            return start.isBefore(e) && s.isBefore(end);
        }
    }

    public record MotiveRule(long id, int durationMinutes, boolean bookableOnline) {
    }

    /** An urgency-reserve range released by hand for one local date. */
    public record Release(long rangeId, LocalDate date) {
    }

    /** Who asks and what the practice allows. Min notice applies to patients only; staff never see the past. */
    public record Context(ZoneId zone, Instant now, int minNoticeMinutes, int horizonDays, boolean staff) {
    }

    public record Slot(long rangeId, long siteId, Instant start, Instant end, boolean urgencyReserve) {
    }

    /** Why a start time is not offered; the codes are the API's 422 problem codes. */
    public enum Refusal {
        IN_PAST("in_past", "This time has passed"),
        TOO_SOON("too_soon", "This time is too close to book online"),
        BEYOND_HORIZON("beyond_horizon", "This time is too far ahead"),
        NOT_BOOKABLE_ONLINE("not_bookable_online", "This motive can only be booked by the practice"),
        OUTSIDE_OPENING_HOURS("outside_opening_hours", "The practitioner does not receive at this time"),
        MOTIVE_NOT_ACCEPTED("motive_not_accepted", "The practitioner does not receive this motive at this time"),
        IN_ABSENCE("in_absence", "The practitioner is away at this time"),
        URGENCY_RESERVE_NOT_RELEASED("urgency_reserve_not_released", "This time is kept for urgencies");

        public final String code;
        public final String detail;

        Refusal(String code, String detail) {
            this.code = code;
            this.detail = detail;
        }
    }

    /** The answer for one start time: the slot if offered, else the first reason it is not. */
    public record Decision(Slot slot, Refusal refusal) {
        public boolean offered() {
            return slot != null;
        }
    }

    private final Context ctx;
    private final List<Range> ranges;
    private final Busy absences;
    private final Set<Release> releases;

    public SlotCalculator(Context ctx, Collection<Range> ranges, Collection<Interval> absences,
                          Collection<Release> releases) {
        this.ctx = ctx;
        this.ranges = List.copyOf(ranges);
        this.absences = new Busy(absences);
        this.releases = new HashSet<>(releases);
    }

    /**
     * The slots offered for the motive on the local dates {@code from} to {@code to} (inclusive), free of the
     * given live appointments, sorted by start.
     */
    public List<Slot> slots(MotiveRule motive, LocalDate from, LocalDate to, Collection<Interval> appointments) {
        List<Slot> out = new ArrayList<>();
        Busy taken = new Busy(appointments);
        LocalDate last = lastBookableDate();
        LocalDate end = to.isAfter(last) ? last : to;
        for (LocalDate d = from; !d.isAfter(end); d = d.plusDays(1)) {
            out.addAll(day(motive, d, taken).slots());
        }
        return out;
    }

    /**
     * The slots of one local date, and the first instant at which the time rules (past, minimum notice, horizon,
     * urgency reserve released by time) could answer differently for that date if no data changed.
     * The answer holds for every instant in [now, validUntil); validUntil is not before "now" (equal: it holds at
     * that instant only) and may be {@link Instant#MAX}.
     */
    public record Day(List<Slot> slots, Instant validUntil) {
    }

    /** {@link #slots} for one local date, with how long its answer holds; see {@link Day}. */
    public Day day(MotiveRule motive, LocalDate d, Collection<Interval> appointments) {
        return day(motive, d, new Busy(appointments));
    }

    Day day(MotiveRule motive, LocalDate d, Busy taken) {
        if (!ctx.staff() && !motive.bookableOnline()) {
            return new Day(List.of(), Instant.MAX);
        }
        if (d.isAfter(lastBookableDate())) {
            // Enters the horizon at the local midnight that makes it today + horizonDays
            return new Day(List.of(), d.minusDays(ctx.horizonDays()).atStartOfDay(ctx.zone()).toInstant());
        }
        Instant validUntil = Instant.MAX;
        List<Slot> day = new ArrayList<>();
        for (Range r : ranges) {
            if (!r.appliesTo(d) || !r.accepts(motive.id())) {
                continue;
            }
            for (Slot s : grid(r, d, motive.durationMinutes())) {
                Instant change = nextTimeChange(s, r);
                if (change.isBefore(validUntil)) {
                    validUntil = change;
                }
                if (refusalOf(s, r, d) == null && !taken.overlaps(s.start(), s.end())) {
                    day.add(s);
                }
            }
        }
        // Ordinary ranges first, so that when two ranges offer the same start, the plain slot wins. A range
        // lies within one local date, so starts of different dates never meet.
        day.sort(Comparator.comparing(Slot::start).thenComparing(Slot::urgencyReserve));
        List<Slot> out = new ArrayList<>(day.size());
        Set<Instant> seen = new HashSet<>();
        for (Slot s : day) {
            if (seen.add(s.start())) {
                out.add(s);
            }
        }
        return new Day(out, validUntil);
    }

    /**
     * The first instant after now at which {@link #timing} or {@link #released} may judge this grid slot
     * differently: when it becomes too soon (or past, for staff), or when an urgency reserve kept from patients
     * opens by time. Earlier is always safe (a cached answer is then recomputed sooner); never later.
     */
    private Instant nextTimeChange(Slot s, Range r) {
        Instant now = ctx.now();
        Instant closes = ctx.staff() ? s.start() : s.start().minus(Duration.ofMinutes(ctx.minNoticeMinutes()));
        // At exactly "closes" the slot is still offered (the rules compare with isBefore) and stops being offered
        // right after: that counts as a change to come, hence not isAfter
        Instant out = closes.isBefore(now) ? Instant.MAX : closes;
        if (r.urgencyReserve() && !ctx.staff()) {
            Instant opens = s.start().minus(Duration.ofMinutes(r.releaseMinutesBefore()));
            if (opens.isAfter(now) && opens.isBefore(out)) {
                out = opens;
            }
        }
        return out;
    }

    /** The first offered slot from the local date {@code from} up to the horizon, or null. */
    public Slot earliest(MotiveRule motive, LocalDate from, Collection<Interval> appointments) {
        List<Slot> all = slots(motive, from, lastBookableDate(), appointments);
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * Whether {@code start} is the start of a slot offered for the motive, ignoring appointments: the database
     * decides clashes, so that two people booking the same slot race fairly.
     */
    public Decision decide(MotiveRule motive, Instant start) {
        Refusal timing = timing(start);
        if (timing != null) {
            return new Decision(null, timing);
        }
        if (!ctx.staff() && !motive.bookableOnline()) {
            return new Decision(null, Refusal.NOT_BOOKABLE_ONLINE);
        }
        LocalDate d = start.atZone(ctx.zone()).toLocalDate();
        Refusal best = Refusal.OUTSIDE_OPENING_HOURS;
        // Look at the previous date too: a range late on a DST-shifted day can only ever spill by an hour,
        // but checking both dates keeps the rule free of that reasoning.
        for (LocalDate day : List.of(d, d.minusDays(1))) {
            for (Range r : ranges) {
                if (!r.appliesTo(day)) {
                    continue;
                }
                if (!r.accepts(motive.id())) {
                    if (inside(r, day, start) && best == Refusal.OUTSIDE_OPENING_HOURS) {
                        best = Refusal.MOTIVE_NOT_ACCEPTED;
                    }
                    continue;
                }
                for (Slot s : grid(r, day, motive.durationMinutes())) {
                    if (!s.start().equals(start)) {
                        continue;
                    }
                    Refusal why = refusalOf(s, r, day);
                    if (why == null) {
                        return new Decision(s, null);
                    }
                    if (rank(why) > rank(best)) {
                        best = why;
                    }
                }
            }
        }
        return new Decision(null, best);
    }

    /** The last local date slots are offered on: today (practice time) plus the horizon. */
    public LocalDate lastBookableDate() {
        return ctx.now().atZone(ctx.zone()).toLocalDate().plusDays(ctx.horizonDays());
    }

    /** Slot positions of a range on a date, before any rule. */
    List<Slot> grid(Range r, LocalDate d, int durationMinutes) {
        Instant rangeStart = ZonedDateTime.of(d, r.start(), ctx.zone()).toInstant();
        Instant rangeEnd = ZonedDateTime.of(d, r.end(), ctx.zone()).toInstant();
        Duration step = Duration.ofMinutes(durationMinutes);
        List<Slot> out = new ArrayList<>();
        for (Instant s = rangeStart; !s.plus(step).isAfter(rangeEnd); s = s.plus(step)) {
            out.add(new Slot(r.id(), r.siteId(), s, s.plus(step), r.urgencyReserve()));
        }
        return out;
    }

    private boolean inside(Range r, LocalDate d, Instant t) {
        Instant rangeStart = ZonedDateTime.of(d, r.start(), ctx.zone()).toInstant();
        Instant rangeEnd = ZonedDateTime.of(d, r.end(), ctx.zone()).toInstant();
        return !t.isBefore(rangeStart) && t.isBefore(rangeEnd);
    }

    private Refusal refusalOf(Slot s, Range r, LocalDate d) {
        Refusal timing = timing(s.start());
        if (timing != null) {
            return timing;
        }
        if (absences.overlaps(s.start(), s.end())) {
            return Refusal.IN_ABSENCE;
        }
        if (r.urgencyReserve() && !ctx.staff() && !released(r, d, s)) {
            return Refusal.URGENCY_RESERVE_NOT_RELEASED;
        }
        return null;
    }

    private boolean released(Range r, LocalDate d, Slot s) {
        return releases.contains(new Release(r.id(), d))
                || !ctx.now().isBefore(s.start().minus(Duration.ofMinutes(r.releaseMinutesBefore())));
    }

    private Refusal timing(Instant start) {
        if (start.isBefore(ctx.now())) {
            return Refusal.IN_PAST;
        }
        if (!ctx.staff() && start.isBefore(ctx.now().plus(Duration.ofMinutes(ctx.minNoticeMinutes())))) {
            return Refusal.TOO_SOON;
        }
        if (start.atZone(ctx.zone()).toLocalDate().isAfter(lastBookableDate())) {
            return Refusal.BEYOND_HORIZON;
        }
        return null;
    }

    /** When several ranges refuse the same start, report the most specific reason. */
    private static int rank(Refusal r) {
        return switch (r) {
            case OUTSIDE_OPENING_HOURS -> 0;
            case MOTIVE_NOT_ACCEPTED -> 1;
            case IN_ABSENCE -> 2;
            case URGENCY_RESERVE_NOT_RELEASED -> 3;
            default -> 4;
        };
    }

    /** Busy times merged into disjoint sorted intervals, for a binary-searched overlap test. */
    static final class Busy {
        private final Instant[] starts;
        private final Instant[] ends;

        Busy(Collection<Interval> intervals) {
            List<Interval> sorted = new ArrayList<>(intervals);
            sorted.sort(Comparator.comparing(Interval::start));
            List<Instant> s = new ArrayList<>();
            List<Instant> e = new ArrayList<>();
            for (Interval i : sorted) {
                if (!i.end().isAfter(i.start())) {
                    continue;
                }
                int last = e.size() - 1;
                if (last >= 0 && !i.start().isAfter(e.get(last))) {
                    if (i.end().isAfter(e.get(last))) {
                        e.set(last, i.end());
                    }
                } else {
                    s.add(i.start());
                    e.add(i.end());
                }
            }
            starts = s.toArray(new Instant[0]);
            ends = e.toArray(new Instant[0]);
        }

        /** Whether [s, e) meets any busy time; touching ends do not count. */
        boolean overlaps(Instant s, Instant e) {
            // The last busy interval starting before e is the only candidate, since they are disjoint and sorted
            int lo = 0;
            int hi = starts.length - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid].isBefore(e)) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found >= 0 && ends[found].isAfter(s);
        }
    }
}
