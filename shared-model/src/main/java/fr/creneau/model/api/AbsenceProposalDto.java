package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.Map;

/** One slot proposed after an absence: when and with whom, nothing else. */
public class AbsenceProposalDto implements JsonMappable {
    public static final Json.Reader<AbsenceProposalDto> READER = new Json.Reader<AbsenceProposalDto>() {
        public AbsenceProposalDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public Long practitionerId;
    /** "Dr Marie Martin": the name only, never the specialty. */
    public String practitionerName;
    /** ISO-8601 instants in UTC. */
    public String start;
    public String end;
    /** Local date and time at the practice, for display: YYYY-MM-DD and HH:mm. */
    public String date;
    public String time;
    /** OPEN, ACCEPTED or GONE (another proposal was accepted). */
    public String status;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "practitionerId", practitionerId);
        Json.put(m, "practitionerName", practitionerName);
        Json.put(m, "start", start);
        Json.put(m, "end", end);
        Json.put(m, "date", date);
        Json.put(m, "time", time);
        Json.put(m, "status", status);
        return m;
    }

    public static AbsenceProposalDto fromMap(Map<String, Object> m) {
        AbsenceProposalDto p = new AbsenceProposalDto();
        p.id = Json.lng(m, "id");
        p.practitionerId = Json.lng(m, "practitionerId");
        p.practitionerName = Json.str(m, "practitionerName");
        p.start = Json.str(m, "start");
        p.end = Json.str(m, "end");
        p.date = Json.str(m, "date");
        p.time = Json.str(m, "time");
        p.status = Json.str(m, "status");
        return p;
    }
}
