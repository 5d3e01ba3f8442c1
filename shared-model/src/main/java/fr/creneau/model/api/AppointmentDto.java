package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.Channel;
import fr.creneau.model.rules.Role;

import java.util.Map;

/** An appointment as a client sees it, with the names and address it needs to show it without more calls. */
public class AppointmentDto implements JsonMappable {
    public static final Json.Reader<AppointmentDto> READER = new Json.Reader<AppointmentDto>() {
        public AppointmentDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public Long practiceId;
    public Long practitionerId;
    public Long patientId;
    public Long motiveId;
    public Long siteId;
    public String start;
    public String end;
    public Channel channel;
    public AppointmentStatus status;
    public Role bookedByRole;
    public String cancelReason;
    public String practitionerName;
    public String patientName;
    public String motiveLabelFr;
    public String motiveLabelEn;
    public String siteAddress;
    public String timezone;
    /** On a NO_SHOW only: whether the practice recorded it as excused. */
    public Boolean noShowExcused;

    public String motiveLabel(String language) {
        return "en".equals(language) && motiveLabelEn != null ? motiveLabelEn : motiveLabelFr;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "practiceId", practiceId);
        Json.put(m, "practitionerId", practitionerId);
        Json.put(m, "patientId", patientId);
        Json.put(m, "motiveId", motiveId);
        Json.put(m, "siteId", siteId);
        Json.put(m, "start", start);
        Json.put(m, "end", end);
        Json.put(m, "channel", Json.name(channel));
        Json.put(m, "status", Json.name(status));
        Json.put(m, "bookedByRole", Json.name(bookedByRole));
        Json.put(m, "cancelReason", cancelReason);
        Json.put(m, "practitionerName", practitionerName);
        Json.put(m, "patientName", patientName);
        Json.put(m, "motiveLabelFr", motiveLabelFr);
        Json.put(m, "motiveLabelEn", motiveLabelEn);
        Json.put(m, "siteAddress", siteAddress);
        Json.put(m, "timezone", timezone);
        Json.put(m, "noShowExcused", noShowExcused);
        return m;
    }

    public static AppointmentDto fromMap(Map<String, Object> m) {
        AppointmentDto a = new AppointmentDto();
        a.id = Json.lng(m, "id");
        a.practiceId = Json.lng(m, "practiceId");
        a.practitionerId = Json.lng(m, "practitionerId");
        a.patientId = Json.lng(m, "patientId");
        a.motiveId = Json.lng(m, "motiveId");
        a.siteId = Json.lng(m, "siteId");
        a.start = Json.str(m, "start");
        a.end = Json.str(m, "end");
        a.channel = Json.enumValue(m, "channel", Channel.class, Channel.values());
        a.status = Json.enumValue(m, "status", AppointmentStatus.class, AppointmentStatus.values());
        a.bookedByRole = Json.enumValue(m, "bookedByRole", Role.class, Role.values());
        a.cancelReason = Json.str(m, "cancelReason");
        a.practitionerName = Json.str(m, "practitionerName");
        a.patientName = Json.str(m, "patientName");
        a.motiveLabelFr = Json.str(m, "motiveLabelFr");
        a.motiveLabelEn = Json.str(m, "motiveLabelEn");
        a.siteAddress = Json.str(m, "siteAddress");
        a.timezone = Json.str(m, "timezone");
        a.noShowExcused = Json.bool(m, "noShowExcused");
        return a;
    }
}
