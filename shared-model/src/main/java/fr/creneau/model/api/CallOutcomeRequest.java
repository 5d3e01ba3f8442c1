package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;
import fr.creneau.model.triage.CallOutcome;

import java.util.List;
import java.util.Map;

/**
 * Ends a call with its one outcome: BOOKED names the appointment, WAITLISTED the waitlist entry made for the caller,
 * URGENT_TRANSFER the practitioner; MEMO may
 * address a practitioner and turns the call's triage answers into a message with channel PHONE.
 */
public class CallOutcomeRequest implements JsonMappable {
    public CallOutcome outcome;
    public Long appointmentId;
    public Long waitlistEntryId;
    public Long practitionerId;
    public String note;

    public List<FieldError> validate() {
        Validator v = new Validator();
        if (v.required("outcome", outcome)) {
            if (outcome == CallOutcome.BOOKED) {
                v.positive("appointmentId", appointmentId);
            } else if (outcome == CallOutcome.WAITLISTED) {
                v.positive("waitlistEntryId", waitlistEntryId);
            } else if (outcome == CallOutcome.URGENT_TRANSFER) {
                v.positive("practitionerId", practitionerId);
            }
        }
        v.maxLength("note", note, Validator.TEXT_MAX);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "outcome", Json.name(outcome));
        Json.put(m, "appointmentId", appointmentId);
        Json.put(m, "waitlistEntryId", waitlistEntryId);
        Json.put(m, "practitionerId", practitionerId);
        Json.put(m, "note", note);
        return m;
    }

    public static CallOutcomeRequest fromMap(Map<String, Object> m) {
        CallOutcomeRequest d = new CallOutcomeRequest();
        d.outcome = Json.enumValue(m, "outcome", CallOutcome.class, CallOutcome.values());
        d.appointmentId = Json.lng(m, "appointmentId");
        d.waitlistEntryId = Json.lng(m, "waitlistEntryId");
        d.practitionerId = Json.lng(m, "practitionerId");
        d.note = Json.str(m, "note");
        return d;
    }
}
