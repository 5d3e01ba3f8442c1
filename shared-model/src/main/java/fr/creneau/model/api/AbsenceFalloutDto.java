package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FalloutAction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What became of one appointment held by an absence: for the staff after deciding, and for the patient (in the
 * app or through the link in the notice) when slots were proposed. Through a link, the ids of the appointment
 * and patient are left out.
 */
public class AbsenceFalloutDto implements JsonMappable {
    public static final Json.Reader<AbsenceFalloutDto> READER = new Json.Reader<AbsenceFalloutDto>() {
        public AbsenceFalloutDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    /** The decision's id; null for KEEP, which changes nothing. */
    public Long id;
    public Long appointmentId;
    public Long patientId;
    public FalloutAction action;
    /** OPEN (proposals waiting), ACCEPTED, CANCELLED (no proposal), DECLINED (the patient, called, wanted none) or KEPT. */
    public String status;
    public String practiceName;
    /** The practice's time zone: dates and times show in it, never in the device's. */
    public String timezone;
    public String practicePhone;
    public String emergencyNumber;
    public String substitute;
    /** The cancelled appointment's start: ISO-8601 instant, and local date and time. */
    public String originalStart;
    public String originalDate;
    public String originalTime;
    /** Until when the proposals may be accepted. */
    public String expiresAt;
    /** The appointment booked by accepting a proposal. */
    public Long newAppointmentId;
    public List<AbsenceProposalDto> proposals = new ArrayList<AbsenceProposalDto>();

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "appointmentId", appointmentId);
        Json.put(m, "patientId", patientId);
        Json.put(m, "action", Json.name(action));
        Json.put(m, "status", status);
        Json.put(m, "practiceName", practiceName);
        Json.put(m, "timezone", timezone);
        Json.put(m, "practicePhone", practicePhone);
        Json.put(m, "emergencyNumber", emergencyNumber);
        Json.put(m, "substitute", substitute);
        Json.put(m, "originalStart", originalStart);
        Json.put(m, "originalDate", originalDate);
        Json.put(m, "originalTime", originalTime);
        Json.put(m, "expiresAt", expiresAt);
        Json.put(m, "newAppointmentId", newAppointmentId);
        Json.put(m, "proposals", Json.maps(proposals));
        return m;
    }

    public static AbsenceFalloutDto fromMap(Map<String, Object> m) {
        AbsenceFalloutDto d = new AbsenceFalloutDto();
        d.id = Json.lng(m, "id");
        d.appointmentId = Json.lng(m, "appointmentId");
        d.patientId = Json.lng(m, "patientId");
        d.action = Json.enumValue(m, "action", FalloutAction.class, FalloutAction.values());
        d.status = Json.str(m, "status");
        d.practiceName = Json.str(m, "practiceName");
        d.timezone = Json.str(m, "timezone");
        d.practicePhone = Json.str(m, "practicePhone");
        d.emergencyNumber = Json.str(m, "emergencyNumber");
        d.substitute = Json.str(m, "substitute");
        d.originalStart = Json.str(m, "originalStart");
        d.originalDate = Json.str(m, "originalDate");
        d.originalTime = Json.str(m, "originalTime");
        d.expiresAt = Json.str(m, "expiresAt");
        d.newAppointmentId = Json.lng(m, "newAppointmentId");
        List<AbsenceProposalDto> p = Json.objects(m, "proposals", AbsenceProposalDto.READER);
        d.proposals = p == null ? new ArrayList<AbsenceProposalDto>() : p;
        return d;
    }
}
