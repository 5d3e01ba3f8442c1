package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/**
 * A patient waiting for a slot: a practitioner (or any of the practice when null), a motive and a window of local
 * dates, optionally local times (HH:mm). Request and answer; id, practiceId, status and createdAt are answers only.
 */
public class WaitlistEntryDto implements JsonMappable {
    public static final Json.Reader<WaitlistEntryDto> READER = new Json.Reader<WaitlistEntryDto>() {
        public WaitlistEntryDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public Long practiceId;
    public Long patientId;
    public Long practitionerId;
    public Long motiveId;
    public String fromDate;
    public String toDate;
    public String fromTime;
    public String toTime;
    public String status;
    public String createdAt;
    /** Answers only, for display: names of the practice, practitioner (null: anyone), patient and motive. */
    public String practiceName;
    public String practitionerName;
    public String patientName;
    public String motiveLabelFr;
    public String motiveLabelEn;
    /**
     * Answers only, for the practice's staff: the entry's offer still open (a freed slot awaiting the patient's
     * answer), else all null. The staff can claim it for a patient who answers by phone.
     */
    public Long offerId;
    public String offerStart;
    public String offerExpiresAt;
    public String offerPractitionerName;
    /** The practice's time zone, to show the offer's times as the patient reads them. */
    public String timezone;

    /** An offer awaits the patient's answer. */
    public boolean hasOpenOffer() {
        return offerId != null;
    }

    public String motiveLabel(String language) {
        return "en".equals(language) && motiveLabelEn != null ? motiveLabelEn : motiveLabelFr;
    }

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.required("patientId", patientId);
        v.required("motiveId", motiveId);
        v.date("fromDate", fromDate, true);
        v.date("toDate", toDate, true);
        if (fromTime != null) {
            v.time("fromTime", fromTime);
        }
        if (toTime != null) {
            v.time("toTime", toTime);
        }
        if ((fromTime == null) != (toTime == null)) {
            v.error(fromTime == null ? "fromTime" : "toTime", "required", "give both times or neither");
        }
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "practiceId", practiceId);
        Json.put(m, "patientId", patientId);
        Json.put(m, "practitionerId", practitionerId);
        Json.put(m, "motiveId", motiveId);
        Json.put(m, "fromDate", fromDate);
        Json.put(m, "toDate", toDate);
        Json.put(m, "fromTime", fromTime);
        Json.put(m, "toTime", toTime);
        Json.put(m, "status", status);
        Json.put(m, "createdAt", createdAt);
        Json.put(m, "practiceName", practiceName);
        Json.put(m, "practitionerName", practitionerName);
        Json.put(m, "patientName", patientName);
        Json.put(m, "motiveLabelFr", motiveLabelFr);
        Json.put(m, "motiveLabelEn", motiveLabelEn);
        Json.put(m, "offerId", offerId);
        Json.put(m, "offerStart", offerStart);
        Json.put(m, "offerExpiresAt", offerExpiresAt);
        Json.put(m, "offerPractitionerName", offerPractitionerName);
        Json.put(m, "timezone", timezone);
        return m;
    }

    public static WaitlistEntryDto fromMap(Map<String, Object> m) {
        WaitlistEntryDto d = new WaitlistEntryDto();
        d.id = Json.lng(m, "id");
        d.practiceId = Json.lng(m, "practiceId");
        d.patientId = Json.lng(m, "patientId");
        d.practitionerId = Json.lng(m, "practitionerId");
        d.motiveId = Json.lng(m, "motiveId");
        d.fromDate = Json.str(m, "fromDate");
        d.toDate = Json.str(m, "toDate");
        d.fromTime = Json.str(m, "fromTime");
        d.toTime = Json.str(m, "toTime");
        d.status = Json.str(m, "status");
        d.createdAt = Json.str(m, "createdAt");
        d.practiceName = Json.str(m, "practiceName");
        d.practitionerName = Json.str(m, "practitionerName");
        d.patientName = Json.str(m, "patientName");
        d.motiveLabelFr = Json.str(m, "motiveLabelFr");
        d.motiveLabelEn = Json.str(m, "motiveLabelEn");
        d.offerId = Json.lng(m, "offerId");
        d.offerStart = Json.str(m, "offerStart");
        d.offerExpiresAt = Json.str(m, "offerExpiresAt");
        d.offerPractitionerName = Json.str(m, "offerPractitionerName");
        d.timezone = Json.str(m, "timezone");
        return d;
    }
}
