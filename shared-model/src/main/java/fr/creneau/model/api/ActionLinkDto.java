package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.List;
import java.util.Map;

/**
 * What a confirm/cancel link from a reminder covers (several appointments of one day make one message and one
 * link), and, after a POST, what was done: CONFIRMED or CANCELLED.
 */
public class ActionLinkDto implements JsonMappable {
    public List<LinkedAppointmentDto> appointments;
    public String done;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "appointments", Json.maps(appointments));
        Json.put(m, "done", done);
        return m;
    }

    public static ActionLinkDto fromMap(Map<String, Object> m) {
        ActionLinkDto l = new ActionLinkDto();
        l.appointments = Json.objects(m, "appointments", LinkedAppointmentDto.READER);
        l.done = Json.str(m, "done");
        return l;
    }
}
