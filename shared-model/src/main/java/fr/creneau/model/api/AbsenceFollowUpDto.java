package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FalloutAction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One appointment an absence cancelled, as the staff follow it up: who to call (name and phone), what was
 * cancelled, what the patient was offered and whether they answered. Staff only; the patient and the link see
 * {@link AbsenceFalloutDto}.
 */
public class AbsenceFollowUpDto implements JsonMappable {
    public static final Json.Reader<AbsenceFollowUpDto> READER = new Json.Reader<AbsenceFollowUpDto>() {
        public AbsenceFollowUpDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    /** Proposals wait for the patient's answer and may still be accepted. */
    public static final String PENDING = "PENDING";
    /** Proposals were never answered and may no longer be accepted: the patient must be called. */
    public static final String EXPIRED = "EXPIRED";
    public static final String ACCEPTED = "ACCEPTED";
    /** Cancelled and the patient notified, nothing proposed (CANCEL, or no free slot to propose). */
    public static final String CANCELLED = "CANCELLED";
    /** The patient, reached by the practice, wanted none of the proposals. */
    public static final String DECLINED = "DECLINED";

    /** The decision's id. */
    public Long id;
    public Long absenceId;
    public Long appointmentId;
    public Long patientId;
    public String patientName;
    /** The patient's phone, or the holder's for a child without one. */
    public String patientPhone;
    public Long practitionerId;
    public String practitionerName;
    public Long motiveId;
    public String motiveLabelFr;
    public String motiveLabelEn;
    /** The motive is one of the urgency reserve's. */
    public boolean urgent;
    public FalloutAction action;
    /** PENDING, EXPIRED, ACCEPTED, CANCELLED or DECLINED. */
    public String state;
    public String timezone;
    /** The cancelled appointment's start: ISO-8601 instant, and local date and time at the practice. */
    public String originalStart;
    public String originalDate;
    public String originalTime;
    /** Until when the proposals may be accepted (the last proposed slot's start); null without proposals. */
    public String expiresAt;
    /** The appointment booked from a proposal. */
    public Long newAppointmentId;
    /** How the patient answered: APP, LINK or PHONE (the staff on their behalf); null while unanswered. */
    public String answeredVia;
    public List<AbsenceProposalDto> proposals = new ArrayList<AbsenceProposalDto>();

    /** Still waiting for the patient: what the call-back list is for. */
    public boolean toCall() {
        return PENDING.equals(state) || EXPIRED.equals(state);
    }

    public String motiveLabel(String language) {
        return "en".equals(language) && motiveLabelEn != null ? motiveLabelEn : motiveLabelFr;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "absenceId", absenceId);
        Json.put(m, "appointmentId", appointmentId);
        Json.put(m, "patientId", patientId);
        Json.put(m, "patientName", patientName);
        Json.put(m, "patientPhone", patientPhone);
        Json.put(m, "practitionerId", practitionerId);
        Json.put(m, "practitionerName", practitionerName);
        Json.put(m, "motiveId", motiveId);
        Json.put(m, "motiveLabelFr", motiveLabelFr);
        Json.put(m, "motiveLabelEn", motiveLabelEn);
        Json.put(m, "urgent", Boolean.valueOf(urgent));
        Json.put(m, "action", Json.name(action));
        Json.put(m, "state", state);
        Json.put(m, "timezone", timezone);
        Json.put(m, "originalStart", originalStart);
        Json.put(m, "originalDate", originalDate);
        Json.put(m, "originalTime", originalTime);
        Json.put(m, "expiresAt", expiresAt);
        Json.put(m, "newAppointmentId", newAppointmentId);
        Json.put(m, "answeredVia", answeredVia);
        Json.put(m, "proposals", Json.maps(proposals));
        return m;
    }

    public static AbsenceFollowUpDto fromMap(Map<String, Object> m) {
        AbsenceFollowUpDto d = new AbsenceFollowUpDto();
        d.id = Json.lng(m, "id");
        d.absenceId = Json.lng(m, "absenceId");
        d.appointmentId = Json.lng(m, "appointmentId");
        d.patientId = Json.lng(m, "patientId");
        d.patientName = Json.str(m, "patientName");
        d.patientPhone = Json.str(m, "patientPhone");
        d.practitionerId = Json.lng(m, "practitionerId");
        d.practitionerName = Json.str(m, "practitionerName");
        d.motiveId = Json.lng(m, "motiveId");
        d.motiveLabelFr = Json.str(m, "motiveLabelFr");
        d.motiveLabelEn = Json.str(m, "motiveLabelEn");
        d.urgent = Json.bool(m, "urgent", false);
        d.action = Json.enumValue(m, "action", FalloutAction.class, FalloutAction.values());
        d.state = Json.str(m, "state");
        d.timezone = Json.str(m, "timezone");
        d.originalStart = Json.str(m, "originalStart");
        d.originalDate = Json.str(m, "originalDate");
        d.originalTime = Json.str(m, "originalTime");
        d.expiresAt = Json.str(m, "expiresAt");
        d.newAppointmentId = Json.lng(m, "newAppointmentId");
        d.answeredVia = Json.str(m, "answeredVia");
        List<AbsenceProposalDto> p = Json.objects(m, "proposals", AbsenceProposalDto.READER);
        d.proposals = p == null ? new ArrayList<AbsenceProposalDto>() : p;
        return d;
    }
}
