package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.Map;

/** One address of a practice. */
public class SiteDto implements JsonMappable {
    public static final Json.Reader<SiteDto> READER = new Json.Reader<SiteDto>() {
        public SiteDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public String name;
    public String address;
    public String phone;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "name", name);
        Json.put(m, "address", address);
        Json.put(m, "phone", phone);
        return m;
    }

    public static SiteDto fromMap(Map<String, Object> m) {
        SiteDto s = new SiteDto();
        s.id = Json.lng(m, "id");
        s.name = Json.str(m, "name");
        s.address = Json.str(m, "address");
        s.phone = Json.str(m, "phone");
        return s;
    }
}
