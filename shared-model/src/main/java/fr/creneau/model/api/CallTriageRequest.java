package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;
import fr.creneau.model.triage.TriageAnswers;

import java.util.List;
import java.util.Map;

/** The caller's stated reason, optionally the motive it maps to, and the triage answers from the same grid. */
public class CallTriageRequest implements JsonMappable {
    public String reason;
    public Long motiveId;
    public TriageAnswers answers;

    public List<FieldError> validate(String today) {
        Validator v = new Validator();
        if (v.required("reason", reason)) {
            v.maxLength("reason", reason, TriageAnswers.SHORT_TEXT_MAX);
        }
        if (motiveId != null) {
            v.positive("motiveId", motiveId);
        }
        if (answers != null) {
            List<FieldError> inner = answers.validate(today);
            for (int i = 0; i < inner.size(); i++) {
                v.error("answers." + inner.get(i).field, inner.get(i).code, inner.get(i).message);
            }
        }
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "reason", reason);
        Json.put(m, "motiveId", motiveId);
        Json.put(m, "answers", Json.map(answers));
        return m;
    }

    public static CallTriageRequest fromMap(Map<String, Object> m) {
        CallTriageRequest d = new CallTriageRequest();
        d.reason = Json.str(m, "reason");
        d.motiveId = Json.lng(m, "motiveId");
        Map<String, Object> answers = Json.obj(m, "answers");
        d.answers = answers == null ? null : TriageAnswers.fromMap(answers);
        return d;
    }
}
