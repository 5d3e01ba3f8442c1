package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;
import fr.creneau.model.triage.CallOutcome;
import fr.creneau.model.triage.Priority;
import fr.creneau.model.triage.TriageAnswers;
import fr.creneau.model.triage.TriageJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A telephone call the secretariat took: opened when answered (send {@code callerName}/{@code callerPhone} if
 * known), then identity check, triage and one outcome, which ends it.
 */
public class CallDto implements JsonMappable {
    public static final Json.Reader<CallDto> READER = new Json.Reader<CallDto>() {
        public CallDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public Long practiceId;
    public Long answeredBy;
    public String answeredByName;
    public String startedAt;
    public String endedAt;
    public String callerName;
    public String callerPhone;
    public Long patientId;
    /** Null until checked; true only when name, birth date and phone all matched. */
    public Boolean identityChecked;
    public Boolean nameMatches;
    public Boolean birthDateMatches;
    public Boolean phoneMatches;
    public String reason;
    public Long motiveId;
    public TriageAnswers answers;
    public Priority priority;
    public List<String> triageReasons = new ArrayList<String>();
    public List<String> emergencyNumbers = new ArrayList<String>();
    public CallOutcome outcome;
    public Long appointmentId;
    public Long waitlistEntryId;
    public Long requestId;
    public Long practitionerId;
    public String note;

    public boolean isEnded() {
        return endedAt != null;
    }

    /** The fields a secretary sends to open a call. */
    public List<FieldError> validate() {
        Validator v = new Validator();
        v.maxLength("callerName", callerName, Validator.NAME_MAX);
        v.phone("callerPhone", callerPhone, false);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "practiceId", practiceId);
        Json.put(m, "answeredBy", answeredBy);
        Json.put(m, "answeredByName", answeredByName);
        Json.put(m, "startedAt", startedAt);
        Json.put(m, "endedAt", endedAt);
        Json.put(m, "callerName", callerName);
        Json.put(m, "callerPhone", callerPhone);
        Json.put(m, "patientId", patientId);
        Json.put(m, "identityChecked", identityChecked);
        Json.put(m, "nameMatches", nameMatches);
        Json.put(m, "birthDateMatches", birthDateMatches);
        Json.put(m, "phoneMatches", phoneMatches);
        Json.put(m, "reason", reason);
        Json.put(m, "motiveId", motiveId);
        Json.put(m, "answers", Json.map(answers));
        Json.put(m, "priority", Json.name(priority));
        Json.put(m, "triageReasons", TriageJson.list(triageReasons));
        Json.put(m, "emergencyNumbers", TriageJson.list(emergencyNumbers));
        Json.put(m, "outcome", Json.name(outcome));
        Json.put(m, "appointmentId", appointmentId);
        Json.put(m, "waitlistEntryId", waitlistEntryId);
        Json.put(m, "requestId", requestId);
        Json.put(m, "practitionerId", practitionerId);
        Json.put(m, "note", note);
        return m;
    }

    public static CallDto fromMap(Map<String, Object> m) {
        CallDto d = new CallDto();
        d.id = Json.lng(m, "id");
        d.practiceId = Json.lng(m, "practiceId");
        d.answeredBy = Json.lng(m, "answeredBy");
        d.answeredByName = Json.str(m, "answeredByName");
        d.startedAt = Json.str(m, "startedAt");
        d.endedAt = Json.str(m, "endedAt");
        d.callerName = Json.str(m, "callerName");
        d.callerPhone = Json.str(m, "callerPhone");
        d.patientId = Json.lng(m, "patientId");
        d.identityChecked = Json.bool(m, "identityChecked");
        d.nameMatches = Json.bool(m, "nameMatches");
        d.birthDateMatches = Json.bool(m, "birthDateMatches");
        d.phoneMatches = Json.bool(m, "phoneMatches");
        d.reason = Json.str(m, "reason");
        d.motiveId = Json.lng(m, "motiveId");
        Map<String, Object> answers = Json.obj(m, "answers");
        d.answers = answers == null ? null : TriageAnswers.fromMap(answers);
        d.priority = Json.enumValue(m, "priority", Priority.class, Priority.values());
        List<String> reasons = TriageJson.strings(m, "triageReasons");
        d.triageReasons = reasons == null ? new ArrayList<String>() : reasons;
        List<String> numbers = TriageJson.strings(m, "emergencyNumbers");
        d.emergencyNumbers = numbers == null ? new ArrayList<String>() : numbers;
        d.outcome = Json.enumValue(m, "outcome", CallOutcome.class, CallOutcome.values());
        d.appointmentId = Json.lng(m, "appointmentId");
        d.waitlistEntryId = Json.lng(m, "waitlistEntryId");
        d.requestId = Json.lng(m, "requestId");
        d.practitionerId = Json.lng(m, "practitionerId");
        d.note = Json.str(m, "note");
        return d;
    }
}
