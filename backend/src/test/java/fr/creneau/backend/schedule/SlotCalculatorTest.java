package fr.creneau.backend.schedule;

import fr.creneau.backend.schedule.SlotCalculator.Context;
import fr.creneau.backend.schedule.SlotCalculator.Interval;
import fr.creneau.backend.schedule.SlotCalculator.MotiveRule;
import fr.creneau.backend.schedule.SlotCalculator.Range;
import fr.creneau.backend.schedule.SlotCalculator.Refusal;
import fr.creneau.backend.schedule.SlotCalculator.Release;
import fr.creneau.backend.schedule.SlotCalculator.Slot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain unit tests of the slot rules: no Quarkus, no database, "now" set by hand. */
class SlotCalculatorTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final MotiveRule CONSULT = new MotiveRule(1, 30, true);
    static final MotiveRule OFFLINE = new MotiveRule(2, 30, false);
    static final MotiveRule OTHER = new MotiveRule(3, 30, true);
    static final Instant MARCH_NOW = Instant.parse("2026-03-20T10:00:00Z");
    static final Instant OCTOBER_NOW = Instant.parse("2026-10-20T10:00:00Z");

    static Range weekly(long id, int day, String start, String end, Long... motives) {
        return new Range(id, 10, day, null, LocalTime.parse(start), LocalTime.parse(end), false, 0, Set.of(motives));
    }

    static Range oneOff(long id, String date, String start, String end, Long... motives) {
        return new Range(id, 10, null, LocalDate.parse(date), LocalTime.parse(start), LocalTime.parse(end), false, 0,
                Set.of(motives));
    }

    static Range urgency(long id, String date, String start, String end, int releaseMinutesBefore) {
        return new Range(id, 10, null, LocalDate.parse(date), LocalTime.parse(start), LocalTime.parse(end), true,
                releaseMinutesBefore, Set.of(1L));
    }

    static SlotCalculator calc(Instant now, boolean staff, List<Range> ranges) {
        return calc(now, staff, ranges, List.of(), List.of());
    }

    static SlotCalculator calc(Instant now, boolean staff, List<Range> ranges, List<Interval> absences,
                               List<Release> releases) {
        return new SlotCalculator(new Context(PARIS, now, 60, 90, staff), ranges, absences, releases);
    }

    static List<String> starts(List<Slot> slots) {
        return slots.stream().map(s -> s.start().toString()).toList();
    }

    static Interval interval(String start, String end) {
        return new Interval(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void aMorningSlotMovesInUtcAcrossTheMarchChange() {
        // Friday 27 March is still winter (UTC+1), Monday 30 March is summer (UTC+2)
        SlotCalculator c = calc(MARCH_NOW, false, List.of(weekly(1, 5, "08:00", "08:30", 1L), weekly(2, 1, "08:00", "08:30", 1L)));
        assertThat(starts(c.slots(CONSULT, LocalDate.parse("2026-03-27"), LocalDate.parse("2026-03-30"), List.of())))
                .containsExactly("2026-03-27T07:00:00Z", "2026-03-30T06:00:00Z");
    }

    @Test
    void aMorningSlotMovesInUtcAcrossTheOctoberChange() {
        // Friday 23 October is summer (UTC+2), Monday 26 October is winter (UTC+1)
        SlotCalculator c = calc(OCTOBER_NOW, false, List.of(weekly(1, 5, "08:00", "08:30", 1L), weekly(2, 1, "08:00", "08:30", 1L)));
        assertThat(starts(c.slots(CONSULT, LocalDate.parse("2026-10-23"), LocalDate.parse("2026-10-26"), List.of())))
                .containsExactly("2026-10-23T06:00:00Z", "2026-10-26T07:00:00Z");
    }

    @Test
    void aRangeOverTheMissingHourGivesRealNonOverlappingSlots() {
        // 29 March 2026, 02:00 local does not exist: 01:00-04:00 local lasts two real hours
        SlotCalculator c = calc(MARCH_NOW, true, List.of(oneOff(1, "2026-03-29", "01:00", "04:00", 1L)));
        List<Slot> slots = c.slots(CONSULT, LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-29"), List.of());
        assertThat(starts(slots)).containsExactly(
                "2026-03-29T00:00:00Z", "2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z");
        assertThat(slots.get(2).start().atZone(PARIS).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
        assertNonOverlapping(slots);
    }

    @Test
    void aRangeOverTheDoubledHourGivesRealNonOverlappingSlots() {
        // 25 October 2026, 02:00-03:00 local happens twice: 01:00-04:00 local lasts four real hours
        SlotCalculator c = calc(OCTOBER_NOW, true, List.of(oneOff(1, "2026-10-25", "01:00", "04:00", 1L)));
        List<Slot> slots = c.slots(CONSULT, LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-25"), List.of());
        assertThat(starts(slots)).containsExactly(
                "2026-10-24T23:00:00Z", "2026-10-24T23:30:00Z", "2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z",
                "2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:00:00Z", "2026-10-25T02:30:00Z");
        assertNonOverlapping(slots);
        assertThat(c.decide(CONSULT, Instant.parse("2026-10-25T01:00:00Z")).offered()).isTrue();
    }

    @Test
    void slotsAreStepsOfTheDurationFullyInsideTheRange() {
        SlotCalculator c = calc(MARCH_NOW, false, List.of(oneOff(1, "2026-03-24", "09:00", "10:10", 1L)));
        List<Slot> slots = c.slots(new MotiveRule(1, 20, true), LocalDate.parse("2026-03-24"), LocalDate.parse("2026-03-24"), List.of());
        // 09:00, 09:20, 09:40; 10:00-10:20 would overrun the range
        assertThat(starts(slots)).containsExactly("2026-03-24T08:00:00Z", "2026-03-24T08:20:00Z", "2026-03-24T08:40:00Z");
        assertThat(slots.get(0).end()).isEqualTo(Instant.parse("2026-03-24T08:20:00Z"));
        assertThat(c.decide(new MotiveRule(1, 20, true), Instant.parse("2026-03-24T08:10:00Z")).refusal())
                .isEqualTo(Refusal.OUTSIDE_OPENING_HOURS);
    }

    @Test
    void absencesRemoveTheSlotsTheyOverlapButNotTheOnesTheyTouch() {
        Interval away = interval("2026-03-24T08:30:00Z", "2026-03-24T09:15:00Z");
        SlotCalculator c = calc(MARCH_NOW, false, List.of(oneOff(1, "2026-03-24", "09:00", "11:00", 1L)), List.of(away), List.of());
        assertThat(starts(c.slots(CONSULT, LocalDate.parse("2026-03-24"), LocalDate.parse("2026-03-24"), List.of())))
                .containsExactly("2026-03-24T08:00:00Z", "2026-03-24T09:30:00Z");
        assertThat(c.decide(CONSULT, Instant.parse("2026-03-24T09:00:00Z")).refusal()).isEqualTo(Refusal.IN_ABSENCE);
        assertThat(c.decide(CONSULT, Instant.parse("2026-03-24T08:00:00Z")).offered()).isTrue();
    }

    @Test
    void appointmentsRemoveTheirSlotAndBackToBackSlotsStay() {
        SlotCalculator c = calc(MARCH_NOW, false, List.of(oneOff(1, "2026-03-24", "09:00", "11:00", 1L)));
        List<Interval> booked = List.of(interval("2026-03-24T08:30:00Z", "2026-03-24T09:00:00Z"),
                interval("2026-03-24T09:00:00Z", "2026-03-24T09:30:00Z"));
        assertThat(starts(c.slots(CONSULT, LocalDate.parse("2026-03-24"), LocalDate.parse("2026-03-24"), booked)))
                .containsExactly("2026-03-24T08:00:00Z", "2026-03-24T09:30:00Z");
        // Booking ignores appointments: the database decides clashes
        assertThat(c.decide(CONSULT, Instant.parse("2026-03-24T08:30:00Z")).offered()).isTrue();
    }

    @Test
    void minNoticeAppliesToPatientsAndThePastToEveryone() {
        // now is 11:00 local on Friday 20 March; a patient needs 60 minutes of notice
        List<Range> ranges = List.of(oneOff(1, "2026-03-20", "09:00", "13:00", 1L));
        LocalDate day = LocalDate.parse("2026-03-20");
        assertThat(starts(calc(MARCH_NOW, false, ranges).slots(CONSULT, day, day, List.of())))
                .containsExactly("2026-03-20T11:00:00Z", "2026-03-20T11:30:00Z");
        assertThat(starts(calc(MARCH_NOW, true, ranges).slots(CONSULT, day, day, List.of())))
                .containsExactly("2026-03-20T10:00:00Z", "2026-03-20T10:30:00Z", "2026-03-20T11:00:00Z", "2026-03-20T11:30:00Z");
        assertThat(calc(MARCH_NOW, false, ranges).decide(CONSULT, Instant.parse("2026-03-20T10:30:00Z")).refusal())
                .isEqualTo(Refusal.TOO_SOON);
        assertThat(calc(MARCH_NOW, true, ranges).decide(CONSULT, Instant.parse("2026-03-20T10:30:00Z")).offered()).isTrue();
        assertThat(calc(MARCH_NOW, true, ranges).decide(CONSULT, Instant.parse("2026-03-20T09:30:00Z")).refusal())
                .isEqualTo(Refusal.IN_PAST);
    }

    @Test
    void nothingIsOfferedBeyondTheHorizon() {
        // 90 days after 20 March is 18 June (a Thursday); 19 June is beyond
        List<Range> ranges = List.of(weekly(1, 4, "09:00", "09:30", 1L), weekly(2, 5, "09:00", "09:30", 1L));
        SlotCalculator c = calc(MARCH_NOW, true, ranges);
        assertThat(starts(c.slots(CONSULT, LocalDate.parse("2026-06-15"), LocalDate.parse("2026-06-30"), List.of())))
                .containsExactly("2026-06-18T07:00:00Z");
        assertThat(c.decide(CONSULT, Instant.parse("2026-06-19T07:00:00Z")).refusal()).isEqualTo(Refusal.BEYOND_HORIZON);
    }

    @Test
    void urgencyReserveIsOfferedToPatientsOnlyFromTheReleaseDelay() {
        // Range at 14:00-15:00 local on 20 March (13:00Z), released 120 minutes before each slot
        List<Range> ranges = List.of(urgency(7, "2026-03-20", "14:00", "15:00", 120));
        LocalDate day = LocalDate.parse("2026-03-20");
        Instant tooEarly = Instant.parse("2026-03-20T10:45:00Z");
        assertThat(calc(tooEarly, false, ranges).slots(CONSULT, day, day, List.of())).isEmpty();
        assertThat(calc(tooEarly, false, ranges).decide(CONSULT, Instant.parse("2026-03-20T13:00:00Z")).refusal())
                .isEqualTo(Refusal.URGENCY_RESERVE_NOT_RELEASED);
        // Staff always see them, marked
        List<Slot> staff = calc(tooEarly, true, ranges).slots(CONSULT, day, day, List.of());
        assertThat(starts(staff)).containsExactly("2026-03-20T13:00:00Z", "2026-03-20T13:30:00Z");
        assertThat(staff).allMatch(Slot::urgencyReserve);
        // At 11:00Z the 13:00Z slot is exactly 120 minutes away; 13:30Z is not yet
        Instant atRelease = Instant.parse("2026-03-20T11:00:00Z");
        assertThat(starts(calc(atRelease, false, ranges).slots(CONSULT, day, day, List.of())))
                .containsExactly("2026-03-20T13:00:00Z");
    }

    @Test
    void urgencyReserveReleasedByHandIsOfferedForThatDateOnly() {
        Range r = new Range(7, 10, 5, null, LocalTime.parse("14:00"), LocalTime.parse("15:00"), true, 60, Set.of(1L));
        SlotCalculator c = calc(MARCH_NOW, false, List.of(r), List.of(), List.of(new Release(7, LocalDate.parse("2026-03-27"))));
        assertThat(starts(c.slots(CONSULT, LocalDate.parse("2026-03-23"), LocalDate.parse("2026-04-03"), List.of())))
                .containsExactly("2026-03-27T13:00:00Z", "2026-03-27T13:30:00Z");
        assertThat(c.decide(CONSULT, Instant.parse("2026-04-03T12:00:00Z")).refusal())
                .isEqualTo(Refusal.URGENCY_RESERVE_NOT_RELEASED);
    }

    @Test
    void aRangeOffersOnlyTheMotivesItAccepts() {
        SlotCalculator c = calc(MARCH_NOW, false, List.of(oneOff(1, "2026-03-24", "09:00", "10:00", 1L)));
        LocalDate day = LocalDate.parse("2026-03-24");
        assertThat(c.slots(OTHER, day, day, List.of())).isEmpty();
        assertThat(c.decide(OTHER, Instant.parse("2026-03-24T08:00:00Z")).refusal()).isEqualTo(Refusal.MOTIVE_NOT_ACCEPTED);
        assertThat(c.decide(CONSULT, Instant.parse("2026-03-24T12:00:00Z")).refusal()).isEqualTo(Refusal.OUTSIDE_OPENING_HOURS);
    }

    @Test
    void motivesNotBookableOnlineAreOfferedToStaffOnly() {
        List<Range> ranges = List.of(oneOff(1, "2026-03-24", "09:00", "10:00", 2L));
        LocalDate day = LocalDate.parse("2026-03-24");
        assertThat(calc(MARCH_NOW, false, ranges).slots(OFFLINE, day, day, List.of())).isEmpty();
        assertThat(calc(MARCH_NOW, false, ranges).decide(OFFLINE, Instant.parse("2026-03-24T08:00:00Z")).refusal())
                .isEqualTo(Refusal.NOT_BOOKABLE_ONLINE);
        assertThat(calc(MARCH_NOW, true, ranges).slots(OFFLINE, day, day, List.of())).hasSize(2);
    }

    @Test
    void twoRangesOfferingTheSameStartGiveOneSlot() {
        SlotCalculator c = calc(MARCH_NOW, false, List.of(oneOff(1, "2026-03-24", "09:00", "10:00", 1L),
                weekly(2, 2, "09:00", "09:30", 1L)));
        LocalDate day = LocalDate.parse("2026-03-24");
        assertThat(starts(c.slots(CONSULT, day, day, List.of()))).containsExactly("2026-03-24T08:00:00Z", "2026-03-24T08:30:00Z");
    }

    @Test
    void earliestSkipsTakenAndAbsentTimes() {
        Interval away = interval("2026-03-23T00:00:00Z", "2026-03-24T00:00:00Z");
        SlotCalculator c = calc(MARCH_NOW, false, List.of(weekly(1, 1, "09:00", "10:00", 1L), weekly(2, 2, "09:00", "10:00", 1L)),
                List.of(away), List.of());
        Slot first = c.earliest(CONSULT, LocalDate.parse("2026-03-20"),
                List.of(interval("2026-03-24T08:00:00Z", "2026-03-24T08:30:00Z")));
        assertThat(first.start()).isEqualTo(Instant.parse("2026-03-24T08:30:00Z"));
        assertThat(calc(MARCH_NOW, false, List.of()).earliest(CONSULT, LocalDate.parse("2026-03-20"), List.of())).isNull();
    }

    /**
     * What the availability cache relies on: a day's answer computed at any "now" stays exactly the answer
     * computed afresh at every later instant before its validUntil (same data).
     * Walked every 5 minutes (all the rule boundaries here fall on 5 minutes) and just before validUntil, around a
     * date with plain, reserve and horizon-limited cases, for patients and staff.
     */
    @Test
    void aDaysAnswerHoldsUntilItsValidUntil() {
        LocalDate day = LocalDate.parse("2026-03-24");
        List<Range> ranges = List.of(oneOff(1, "2026-03-24", "08:00", "10:00", 1L),
                urgency(2, "2026-03-24", "11:00", "12:00", 90), urgency(3, "2026-03-24", "14:00", "15:00", 0),
                oneOff(4, "2026-03-25", "09:00", "09:30", 1L));
        List<Interval> taken = List.of(interval("2026-03-24T07:30:00Z", "2026-03-24T08:00:00Z"));
        Instant first = Instant.parse("2026-03-22T23:00:00Z");
        for (boolean staff : new boolean[]{false, true}) {
            for (int horizon : new int[]{1, 90}) {
                for (Instant now = first; now.isBefore(Instant.parse("2026-03-24T15:00:00Z")); now = now.plusSeconds(1800)) {
                    for (LocalDate d : List.of(day, day.plusDays(1))) {
                        SlotCalculator.Day answer = calc(now, staff, horizon, ranges).day(CONSULT, d, taken);
                        assertThat(answer.validUntil()).isAfterOrEqualTo(now);
                        List<Instant> later = new java.util.ArrayList<>();
                        for (Instant t = now; t.isBefore(answer.validUntil()) && t.isBefore(now.plusSeconds(86400));
                             t = t.plusSeconds(300)) {
                            later.add(t);
                        }
                        if (answer.validUntil().isAfter(now) && answer.validUntil().isBefore(now.plusSeconds(86400))) {
                            later.add(answer.validUntil().minusSeconds(1));
                        }
                        for (Instant t : later) {
                            assertThat(calc(t, staff, horizon, ranges).day(CONSULT, d, taken).slots())
                                    .as("computed at %s, asked at %s, staff %s, horizon %s, %s", now, t, staff, horizon, d)
                                    .isEqualTo(answer.slots());
                        }
                    }
                }
            }
        }
    }

    @Test
    void aDaysAnswerChangesAtItsValidUntil() {
        LocalDate day = LocalDate.parse("2026-03-24");
        List<Range> ranges = List.of(oneOff(1, "2026-03-24", "08:00", "09:00", 1L), urgency(2, "2026-03-24", "11:00", "11:30", 90));
        // Patient, minimum notice 60: 08:00 local (07:00Z) closes at 06:00Z
        Instant now = Instant.parse("2026-03-24T05:00:00Z");
        SlotCalculator.Day answer = calc(now, false, 90, ranges).day(CONSULT, day, List.of());
        assertThat(starts(answer.slots())).containsExactly("2026-03-24T07:00:00Z", "2026-03-24T07:30:00Z");
        assertThat(answer.validUntil()).isEqualTo(Instant.parse("2026-03-24T06:00:00Z"));
        // Later, the reserve opens by time (11:00 local = 10:00Z, 90 minutes before) before any slot closes
        answer = calc(Instant.parse("2026-03-24T07:45:00Z"), false, 90, ranges).day(CONSULT, day, List.of());
        assertThat(answer.validUntil()).isEqualTo(Instant.parse("2026-03-24T08:30:00Z"));
        // A date beyond the horizon enters it at its local midnight, horizonDays before
        answer = calc(now, false, 1, ranges).day(CONSULT, day.plusDays(2), List.of());
        assertThat(answer.slots()).isEmpty();
        assertThat(answer.validUntil()).isEqualTo(LocalDate.parse("2026-03-25").atStartOfDay(PARIS).toInstant());
    }

    static SlotCalculator calc(Instant now, boolean staff, int horizonDays, List<Range> ranges) {
        return new SlotCalculator(new Context(PARIS, now, 60, horizonDays, staff), ranges, List.of(), List.of());
    }

    private static void assertNonOverlapping(List<Slot> slots) {
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i).start()).isAfterOrEqualTo(slots.get(i - 1).end());
        }
    }
}
