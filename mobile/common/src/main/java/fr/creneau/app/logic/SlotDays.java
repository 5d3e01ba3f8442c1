package fr.creneau.app.logic;

import fr.creneau.model.api.SlotDto;

import java.util.ArrayList;
import java.util.List;

/** Free slots grouped by local day in the practice's zone, in start order. */
public class SlotDays {
    private final List<SlotDto> slots;
    private final String timezone;

    public SlotDays(List<SlotDto> slots, String timezone) {
        this.slots = slots == null ? new ArrayList<SlotDto>() : slots;
        this.timezone = timezone;
    }

    public List<SlotDto> slotsOn(String date) {
        List<SlotDto> out = new ArrayList<SlotDto>();
        for (int i = 0; i < slots.size(); i++) {
            SlotDto s = slots.get(i);
            if (date.equals(Instants.localDate(Instants.parse(s.start), timezone))) {
                insertSorted(out, s);
            }
        }
        return out;
    }

    /** The first day on or after {@code date} that has a slot, or null. */
    public String firstDayWithSlotsFrom(String date) {
        String best = null;
        for (int i = 0; i < slots.size(); i++) {
            String d = Instants.localDate(Instants.parse(slots.get(i).start), timezone);
            if (d.compareTo(date) >= 0 && (best == null || d.compareTo(best) < 0)) {
                best = d;
            }
        }
        return best;
    }

    private static void insertSorted(List<SlotDto> out, SlotDto s) {
        long t = Instants.parse(s.start);
        int i = 0;
        while (i < out.size() && Instants.parse(out.get(i).start) <= t) {
            i++;
        }
        out.add(i, s);
    }
}
