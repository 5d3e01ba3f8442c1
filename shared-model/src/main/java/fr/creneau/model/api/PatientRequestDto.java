package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.Channel;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Role;
import fr.creneau.model.rules.Validator;
import fr.creneau.model.triage.Priority;
import fr.creneau.model.triage.RequestStatus;
import fr.creneau.model.triage.RequestType;
import fr.creneau.model.triage.TriageAnswers;
import fr.creneau.model.triage.TriageJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A structured request from a patient to a practice (channel ONLINE), or a memo a secretary took on the phone
 * (channel PHONE). To create one, a patient sends {@code patientId} (self or a relative), {@code answers} and
 * optionally {@code practitionerId}; the server fills in the rest. {@code answers} is the clinical content: it is
 * absent, and {@code clinicalHidden} true, for a reader who may not see it, and in list views.
 */
public class PatientRequestDto implements JsonMappable {
    public static final Json.Reader<PatientRequestDto> READER = new Json.Reader<PatientRequestDto>() {
        public PatientRequestDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public Long practiceId;
    public Long patientId;
    public Long practitionerId;
    public String patientName;
    public Channel channel;
    public RequestType type;
    public Priority priority;
    public RequestStatus status;
    public TriageAnswers answers;
    public List<String> triageReasons = new ArrayList<String>();
    public boolean clinicalHidden;
    public Role authorRole;
    public Long callId;
    public String createdAt;
    public String readAt;
    public String firstAnsweredAt;
    public String closedAt;
    public Integer replyCount;

    public List<FieldError> validate(String today) {
        Validator v = new Validator();
        v.positive("patientId", patientId);
        if (practitionerId != null) {
            v.positive("practitionerId", practitionerId);
        }
        if (v.required("answers", answers)) {
            List<FieldError> inner = answers.validate(today);
            for (int i = 0; i < inner.size(); i++) {
                FieldError e = inner.get(i);
                v.error("answers." + e.field, e.code, e.message);
            }
        }
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "practiceId", practiceId);
        Json.put(m, "patientId", patientId);
        Json.put(m, "practitionerId", practitionerId);
        Json.put(m, "patientName", patientName);
        Json.put(m, "channel", Json.name(channel));
        Json.put(m, "type", Json.name(type));
        Json.put(m, "priority", Json.name(priority));
        Json.put(m, "status", Json.name(status));
        Json.put(m, "answers", Json.map(answers));
        Json.put(m, "triageReasons", TriageJson.list(triageReasons));
        Json.put(m, "clinicalHidden", Boolean.valueOf(clinicalHidden));
        Json.put(m, "authorRole", Json.name(authorRole));
        Json.put(m, "callId", callId);
        Json.put(m, "createdAt", createdAt);
        Json.put(m, "readAt", readAt);
        Json.put(m, "firstAnsweredAt", firstAnsweredAt);
        Json.put(m, "closedAt", closedAt);
        Json.put(m, "replyCount", replyCount);
        return m;
    }

    public static PatientRequestDto fromMap(Map<String, Object> m) {
        PatientRequestDto d = new PatientRequestDto();
        d.id = Json.lng(m, "id");
        d.practiceId = Json.lng(m, "practiceId");
        d.patientId = Json.lng(m, "patientId");
        d.practitionerId = Json.lng(m, "practitionerId");
        d.patientName = Json.str(m, "patientName");
        d.channel = Json.enumValue(m, "channel", Channel.class, Channel.values());
        d.type = Json.enumValue(m, "type", RequestType.class, RequestType.values());
        d.priority = Json.enumValue(m, "priority", Priority.class, Priority.values());
        d.status = Json.enumValue(m, "status", RequestStatus.class, RequestStatus.values());
        Map<String, Object> answers = Json.obj(m, "answers");
        d.answers = answers == null ? null : TriageAnswers.fromMap(answers);
        List<String> reasons = TriageJson.strings(m, "triageReasons");
        d.triageReasons = reasons == null ? new ArrayList<String>() : reasons;
        d.clinicalHidden = Json.bool(m, "clinicalHidden", false);
        d.authorRole = Json.enumValue(m, "authorRole", Role.class, Role.values());
        d.callId = Json.lng(m, "callId");
        d.createdAt = Json.str(m, "createdAt");
        d.readAt = Json.str(m, "readAt");
        d.firstAnsweredAt = Json.str(m, "firstAnsweredAt");
        d.closedAt = Json.str(m, "closedAt");
        d.replyCount = Json.integer(m, "replyCount");
        return d;
    }
}
