package fr.creneau.backend.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.creneau.backend.platform.JsonMappableModule;
import fr.creneau.model.api.SlotDto;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The availability answer is assembled from each day's JSON, written once and kept with the cached day. Whatever
 * mix of empty and full days, it must be exactly what writing the whole list would give, through the same mapper.
 */
class AvailabilityJsonTest {
    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        new JsonMappableModule().customize(m);
        return m;
    }

    private static AvailabilityCache.Day day(int slots, int hour) {
        List<SlotDto> list = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            Instant start = Instant.parse("2026-12-08T08:00:00Z").plusSeconds(3600L * hour + 900L * i);
            list.add(ScheduleService.toDto(7, 3, new SlotCalculator.Slot(5, 11, start, start.plusSeconds(900), i % 2 == 0)));
        }
        return new AvailabilityCache.Day(1, Instant.EPOCH, Instant.MAX, List.copyOf(list),
                list.isEmpty() ? null : Instant.parse(list.get(0).start));
    }

    private String assembled(AvailabilityCache.Day... days) {
        return new String(AvailabilityCache.jsonArray(days, mapper), StandardCharsets.UTF_8);
    }

    private String whole(AvailabilityCache.Day... days) throws Exception {
        List<SlotDto> all = new ArrayList<>();
        for (AvailabilityCache.Day d : days) {
            all.addAll(d.slots());
        }
        return mapper.writeValueAsString(all);
    }

    @Test
    void anyMixOfEmptyAndFullDaysGivesTheWholeListsJson() throws Exception {
        AvailabilityCache.Day[][] cases = {
                {},
                {day(0, 0)},
                {day(0, 0), day(0, 1)},
                {day(1, 0)},
                {day(3, 0), day(2, 2)},
                {day(0, 0), day(2, 1), day(0, 2), day(0, 3), day(1, 4), day(0, 5)},
                {day(4, 0), day(0, 1), day(0, 2), day(3, 3)},
        };
        for (AvailabilityCache.Day[] days : cases) {
            assertThat(assembled(days)).isEqualTo(whole(days));
            assertThat(AvailabilityCache.jsonArray(days, mapper)).hasSize(whole(days).length());
        }
    }

    @Test
    void aDayIsWrittenOnceAndServedAgainAsIs() {
        AvailabilityCache.Day d = day(3, 0);
        byte[] first = d.json(mapper);
        assertThat(d.json(mapper)).isSameAs(first);
        assertThat(assembled(d, day(0, 1), d)).isEqualTo(
                "[" + new String(first, StandardCharsets.UTF_8) + "," + new String(first, StandardCharsets.UTF_8) + "]");
    }
}
