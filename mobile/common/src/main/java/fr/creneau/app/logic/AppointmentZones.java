package fr.creneau.app.logic;

import fr.creneau.model.api.AppointmentDto;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The practice zones of a patient's appointments (each appointment carries its practice's zone), for what only names
 * an appointment, such as a notification: its appointment's zone, else the zone of the patient's practice (that of
 * any of their appointments), else Europe/Paris.
 */
public final class AppointmentZones {
    private final Map<Long, String> byAppointment = new HashMap<Long, String>();
    private String any;

    public void add(List<AppointmentDto> items) {
        for (int i = 0; items != null && i < items.size(); i++) {
            AppointmentDto a = items.get(i);
            if (a.timezone != null && a.timezone.length() > 0) {
                if (a.id != null) {
                    byAppointment.put(a.id, a.timezone);
                }
                if (any == null) {
                    any = a.timezone;
                }
            }
        }
    }

    public String of(Long appointmentId) {
        String z = appointmentId == null ? null : byAppointment.get(appointmentId);
        if (z != null) {
            return z;
        }
        return any != null ? any : PracticeZones.DEFAULT;
    }
}
