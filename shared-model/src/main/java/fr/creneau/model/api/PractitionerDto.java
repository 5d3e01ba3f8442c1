package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.List;
import java.util.Map;

public class PractitionerDto implements JsonMappable {
    public static final Json.Reader<PractitionerDto> READER = new Json.Reader<PractitionerDto>() {
        public PractitionerDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public Long practiceId;
    public String practiceName;
    public String lastName;
    public String firstName;
    public String specialty;
    /** Whether the practitioner is away right now (an absence covers this moment). */
    public Boolean absentNow;
    public List<Long> siteIds;

    public String fullName() {
        return (firstName == null ? "" : firstName + " ") + (lastName == null ? "" : lastName);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "practiceId", practiceId);
        Json.put(m, "practiceName", practiceName);
        Json.put(m, "lastName", lastName);
        Json.put(m, "firstName", firstName);
        Json.put(m, "specialty", specialty);
        Json.put(m, "absentNow", absentNow);
        Json.put(m, "siteIds", siteIds);
        return m;
    }

    public static PractitionerDto fromMap(Map<String, Object> m) {
        PractitionerDto p = new PractitionerDto();
        p.id = Json.lng(m, "id");
        p.practiceId = Json.lng(m, "practiceId");
        p.practiceName = Json.str(m, "practiceName");
        p.lastName = Json.str(m, "lastName");
        p.firstName = Json.str(m, "firstName");
        p.specialty = Json.str(m, "specialty");
        p.absentNow = Json.bool(m, "absentNow");
        p.siteIds = Json.longList(m, "siteIds");
        return p;
    }
}
