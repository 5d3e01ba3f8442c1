package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;

import java.util.Map;

/**
 * A freed slot offered to a waiting patient, as their app shows it: claim it before {@code expiresAt}, or decline
 * it so that the next patient in line gets it. {@code status}: OPEN, CLAIMED, GONE (someone else claimed it first,
 * or it was booked meanwhile), EXPIRED, DECLINED.
 */
public class WaitlistOfferDto implements JsonMappable {
    public static final Json.Reader<WaitlistOfferDto> READER = new Json.Reader<WaitlistOfferDto>() {
        public WaitlistOfferDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public Long entryId;
    public Long practiceId;
    public String practiceName;
    public Long practitionerId;
    public String practitionerName;
    public Long patientId;
    public String patientName;
    public Long motiveId;
    public String motiveLabelFr;
    public String motiveLabelEn;
    public String start;
    public String expiresAt;
    public String status;
    public String timezone;

    public boolean isOpen() {
        return "OPEN".equals(status);
    }

    public String motiveLabel(String language) {
        return "en".equals(language) && motiveLabelEn != null ? motiveLabelEn : motiveLabelFr;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "entryId", entryId);
        Json.put(m, "practiceId", practiceId);
        Json.put(m, "practiceName", practiceName);
        Json.put(m, "practitionerId", practitionerId);
        Json.put(m, "practitionerName", practitionerName);
        Json.put(m, "patientId", patientId);
        Json.put(m, "patientName", patientName);
        Json.put(m, "motiveId", motiveId);
        Json.put(m, "motiveLabelFr", motiveLabelFr);
        Json.put(m, "motiveLabelEn", motiveLabelEn);
        Json.put(m, "start", start);
        Json.put(m, "expiresAt", expiresAt);
        Json.put(m, "status", status);
        Json.put(m, "timezone", timezone);
        return m;
    }

    public static WaitlistOfferDto fromMap(Map<String, Object> m) {
        WaitlistOfferDto d = new WaitlistOfferDto();
        d.id = Json.lng(m, "id");
        d.entryId = Json.lng(m, "entryId");
        d.practiceId = Json.lng(m, "practiceId");
        d.practiceName = Json.str(m, "practiceName");
        d.practitionerId = Json.lng(m, "practitionerId");
        d.practitionerName = Json.str(m, "practitionerName");
        d.patientId = Json.lng(m, "patientId");
        d.patientName = Json.str(m, "patientName");
        d.motiveId = Json.lng(m, "motiveId");
        d.motiveLabelFr = Json.str(m, "motiveLabelFr");
        d.motiveLabelEn = Json.str(m, "motiveLabelEn");
        d.start = Json.str(m, "start");
        d.expiresAt = Json.str(m, "expiresAt");
        d.status = Json.str(m, "status");
        d.timezone = Json.str(m, "timezone");
        return d;
    }
}
