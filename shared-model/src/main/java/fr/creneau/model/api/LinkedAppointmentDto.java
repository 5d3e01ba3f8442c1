package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.Map;

/** An appointment as a confirm/cancel link shows it to whoever holds the link: where and when, nothing else. */
public class LinkedAppointmentDto implements JsonMappable {
    public static final Json.Reader<LinkedAppointmentDto> READER = new Json.Reader<LinkedAppointmentDto>() {
        public LinkedAppointmentDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public String practiceName;
    /** ISO-8601 instant in UTC. */
    public String start;
    /** Local date and time at the practice, for display: YYYY-MM-DD and HH:mm. */
    public String date;
    public String time;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "practiceName", practiceName);
        Json.put(m, "start", start);
        Json.put(m, "date", date);
        Json.put(m, "time", time);
        return m;
    }

    public static LinkedAppointmentDto fromMap(Map<String, Object> m) {
        LinkedAppointmentDto a = new LinkedAppointmentDto();
        a.practiceName = Json.str(m, "practiceName");
        a.start = Json.str(m, "start");
        a.date = Json.str(m, "date");
        a.time = Json.str(m, "time");
        return a;
    }
}
