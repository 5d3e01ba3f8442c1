package fr.creneau.app.logic;

import fr.creneau.model.api.AppointmentDto;

import java.util.ArrayList;
import java.util.List;

/** Appointments grouped by local day in the practice's zone, in start order. */
public class AgendaDays {
    private final List<AppointmentDto> items;
    private final String timezone;

    public AgendaDays(List<AppointmentDto> items, String timezone) {
        this.items = items == null ? new ArrayList<AppointmentDto>() : items;
        this.timezone = timezone;
    }

    public List<AppointmentDto> on(String date) {
        List<AppointmentDto> out = new ArrayList<AppointmentDto>();
        for (int i = 0; i < items.size(); i++) {
            AppointmentDto a = items.get(i);
            String tz = a.timezone != null ? a.timezone : timezone;
            if (date.equals(Instants.localDate(Instants.parse(a.start), tz))) {
                long t = Instants.parse(a.start);
                int k = 0;
                while (k < out.size() && Instants.parse(out.get(k).start) <= t) {
                    k++;
                }
                out.add(k, a);
            }
        }
        return out;
    }
}
