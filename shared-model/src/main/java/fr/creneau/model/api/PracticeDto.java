package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.List;
import java.util.Map;

/**
 * A solo cabinet or a multi-practitioner centre, with what patients need when it is closed: the emergency
 * number, the hours it can be reached, and who stands in during an absence.
 */
public class PracticeDto implements JsonMappable {
    public static final Json.Reader<PracticeDto> READER = new Json.Reader<PracticeDto>() {
        public PracticeDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public String name;
    public String timezone;
    public String phone;
    public String emergencyNumber;
    public String reachableHours;
    public String substitute;
    /** A patient may cancel online until this many hours before the start; later, they must call. */
    public Integer cancellationCutoffHours;
    public List<SiteDto> sites;
    /** Staff of the practice only: unexcused no-shows after which a patient books through the secretariat (null: no rule). */
    public Integer maxUnexcusedNoShows;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "name", name);
        Json.put(m, "timezone", timezone);
        Json.put(m, "phone", phone);
        Json.put(m, "emergencyNumber", emergencyNumber);
        Json.put(m, "reachableHours", reachableHours);
        Json.put(m, "substitute", substitute);
        Json.put(m, "cancellationCutoffHours", cancellationCutoffHours);
        Json.put(m, "sites", Json.maps(sites));
        Json.put(m, "maxUnexcusedNoShows", maxUnexcusedNoShows);
        return m;
    }

    public static PracticeDto fromMap(Map<String, Object> m) {
        PracticeDto p = new PracticeDto();
        p.id = Json.lng(m, "id");
        p.name = Json.str(m, "name");
        p.timezone = Json.str(m, "timezone");
        p.phone = Json.str(m, "phone");
        p.emergencyNumber = Json.str(m, "emergencyNumber");
        p.reachableHours = Json.str(m, "reachableHours");
        p.substitute = Json.str(m, "substitute");
        p.cancellationCutoffHours = Json.integer(m, "cancellationCutoffHours");
        p.sites = Json.objects(m, "sites", SiteDto.READER);
        p.maxUnexcusedNoShows = Json.integer(m, "maxUnexcusedNoShows");
        return p;
    }
}
