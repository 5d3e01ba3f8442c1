package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;
import fr.creneau.model.triage.TriageJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The call script of one motive: the questions the secretary asks and the short answers they give (what to
 * bring, how to prepare), in French and English. Kept apart from MotiveDto, which the booking core owns.
 */
public class CallScriptDto implements JsonMappable {
    public static final int ITEMS_MAX = 20;
    public static final int ITEM_MAX = 300;

    public Long motiveId;
    public String labelFr;
    public String labelEn;
    public List<String> questionsFr = new ArrayList<String>();
    public List<String> questionsEn = new ArrayList<String>();
    public List<String> answersFr = new ArrayList<String>();
    public List<String> answersEn = new ArrayList<String>();

    public List<String> questions(String language) {
        return "en".equals(language) && !questionsEn.isEmpty() ? questionsEn : questionsFr;
    }

    public List<String> answers(String language) {
        return "en".equals(language) && !answersEn.isEmpty() ? answersEn : answersFr;
    }

    public List<FieldError> validate() {
        Validator v = new Validator();
        items(v, "questionsFr", questionsFr);
        items(v, "questionsEn", questionsEn);
        items(v, "answersFr", answersFr);
        items(v, "answersEn", answersEn);
        return v.errors();
    }

    private static void items(Validator v, String field, List<String> items) {
        if (items == null) {
            return;
        }
        if (items.size() > ITEMS_MAX) {
            v.error(field, "too_many", "must have at most " + ITEMS_MAX + " items");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String s = items.get(i);
            if (s == null || s.trim().length() == 0) {
                v.error(field, "required", "items cannot be empty");
                return;
            }
            if (s.length() > ITEM_MAX || s.indexOf('\n') >= 0) {
                v.error(field, "too_long", "items must be one line of at most " + ITEM_MAX + " characters");
                return;
            }
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "motiveId", motiveId);
        Json.put(m, "labelFr", labelFr);
        Json.put(m, "labelEn", labelEn);
        Json.put(m, "questionsFr", TriageJson.list(questionsFr));
        Json.put(m, "questionsEn", TriageJson.list(questionsEn));
        Json.put(m, "answersFr", TriageJson.list(answersFr));
        Json.put(m, "answersEn", TriageJson.list(answersEn));
        return m;
    }

    public static CallScriptDto fromMap(Map<String, Object> m) {
        CallScriptDto d = new CallScriptDto();
        d.motiveId = Json.lng(m, "motiveId");
        d.labelFr = Json.str(m, "labelFr");
        d.labelEn = Json.str(m, "labelEn");
        d.questionsFr = orEmpty(TriageJson.strings(m, "questionsFr"));
        d.questionsEn = orEmpty(TriageJson.strings(m, "questionsEn"));
        d.answersFr = orEmpty(TriageJson.strings(m, "answersFr"));
        d.answersEn = orEmpty(TriageJson.strings(m, "answersEn"));
        return d;
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? new ArrayList<String>() : l;
    }
}
