package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.triage.RedFlag;
import fr.creneau.model.triage.TriageGrid;
import fr.creneau.model.triage.TriageJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A practice's red flags (built-in then its own) and its emergency numbers: what the app needs to build the same
 * {@link TriageGrid} as the server ({@link #grid()}).
 */
public class TriageGridDto implements JsonMappable {
    public Long practiceId;
    public List<RedFlag> flags = new ArrayList<RedFlag>();
    public List<String> emergencyNumbers = new ArrayList<String>();

    public TriageGrid grid() {
        List<RedFlag> extra = new ArrayList<RedFlag>();
        for (int i = 0; i < flags.size(); i++) {
            if (!flags.get(i).builtIn) {
                extra.add(flags.get(i));
            }
        }
        return TriageGrid.standard().withExtraFlags(extra);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "practiceId", practiceId);
        Json.put(m, "flags", Json.maps(flags));
        Json.put(m, "emergencyNumbers", TriageJson.list(emergencyNumbers));
        return m;
    }

    public static TriageGridDto fromMap(Map<String, Object> m) {
        TriageGridDto d = new TriageGridDto();
        d.practiceId = Json.lng(m, "practiceId");
        List<RedFlag> flags = Json.objects(m, "flags", RedFlag.READER);
        d.flags = flags == null ? new ArrayList<RedFlag>() : flags;
        List<String> numbers = TriageJson.strings(m, "emergencyNumbers");
        d.emergencyNumbers = numbers == null ? new ArrayList<String>() : numbers;
        return d;
    }
}
