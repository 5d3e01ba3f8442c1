package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.Map;

/** A free slot that can be booked as is. */
public class SlotDto implements JsonMappable {
    public static final Json.Reader<SlotDto> READER = new Json.Reader<SlotDto>() {
        public SlotDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long practitionerId;
    public Long siteId;
    public Long motiveId;
    public String start;
    public String end;
    /** True when the slot lies in an urgency-reserve range (only staff see those before release). */
    public boolean urgencyReserve;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "practitionerId", practitionerId);
        Json.put(m, "siteId", siteId);
        Json.put(m, "motiveId", motiveId);
        Json.put(m, "start", start);
        Json.put(m, "end", end);
        Json.put(m, "urgencyReserve", Boolean.valueOf(urgencyReserve));
        return m;
    }

    public static SlotDto fromMap(Map<String, Object> m) {
        SlotDto s = new SlotDto();
        s.practitionerId = Json.lng(m, "practitionerId");
        s.siteId = Json.lng(m, "siteId");
        s.motiveId = Json.lng(m, "motiveId");
        s.start = Json.str(m, "start");
        s.end = Json.str(m, "end");
        s.urgencyReserve = Json.bool(m, "urgencyReserve", false);
        return s;
    }
}
