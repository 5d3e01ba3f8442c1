package fr.creneau.model.triage;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.TimeText;
import fr.creneau.model.rules.Validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A patient's (or a caller's) structured answers for one request type. These are the clinical fields: a
 * secretary without the practice's clinical grant never sees them. Free text ({@code message}) is allowed next to
 * the required answers, never instead of them.
 */
public class TriageAnswers implements JsonMappable {
    public static final Json.Reader<TriageAnswers> READER = new Json.Reader<TriageAnswers>() {
        public TriageAnswers read(Map<String, Object> m) {
            return fromMap(m);
        }
    };
    public static final int TEMPERATURE_MIN_TENTHS = 340;
    public static final int TEMPERATURE_MAX_TENTHS = 430;
    public static final int SHORT_TEXT_MAX = 200;

    public RequestType type;
    /** PRESCRIPTION_RENEWAL: the medication to renew. */
    public String medication;
    /** PRESCRIPTION_RENEWAL: taken since; NEW_SYMPTOMS: symptoms since (YYYY-MM-DD). */
    public String since;
    /** NEW_SYMPTOMS: what the patient feels. */
    public String symptoms;
    public Severity severity;
    /** NEW_SYMPTOMS, optional: measured temperature in °C. */
    public Double temperature;
    /** TEST_RESULTS: which test. */
    public String testName;
    /** TEST_RESULTS: the laboratory asked the patient to see a doctor quickly. */
    public boolean resultsMarkedUrgent;
    public DocumentKind documentKind;
    /** PAPERWORK: what the document is for (sport, work, school...). */
    public String purpose;
    /** APPOINTMENT_QUESTION: the question. */
    public String question;
    /** APPOINTMENT_QUESTION, optional: the appointment it is about. */
    public Long appointmentId;
    /** Codes of the red flags the patient ticked. */
    public List<String> redFlags = new ArrayList<String>();
    public String message;

    /** The rules that need no clock. */
    public List<FieldError> validate() {
        return validate(null);
    }

    /** Also refuses a {@code since} after {@code today} (YYYY-MM-DD in the practice's timezone) when given. */
    public List<FieldError> validate(String today) {
        Validator v = new Validator();
        if (v.required("type", type)) {
            switch (type) {
                case PRESCRIPTION_RENEWAL:
                    shortText(v, "medication", medication);
                    sinceDate(v, today);
                    break;
                case NEW_SYMPTOMS:
                    if (v.required("symptoms", symptoms)) {
                        v.maxLength("symptoms", symptoms, Validator.TEXT_MAX);
                    }
                    sinceDate(v, today);
                    v.required("severity", severity);
                    if (temperature != null && (TriageGrid.tenths(temperature) < TEMPERATURE_MIN_TENTHS
                            || TriageGrid.tenths(temperature) > TEMPERATURE_MAX_TENTHS)) {
                        v.error("temperature", "out_of_range", "must be between 34.0 and 43.0");
                    }
                    break;
                case TEST_RESULTS:
                    shortText(v, "testName", testName);
                    break;
                case PAPERWORK:
                    v.required("documentKind", documentKind);
                    shortText(v, "purpose", purpose);
                    break;
                case APPOINTMENT_QUESTION:
                    if (v.required("question", question)) {
                        v.maxLength("question", question, Validator.TEXT_MAX);
                    }
                    break;
                default:
                    break;
            }
        }
        v.maxLength("message", message, Validator.TEXT_MAX);
        if (redFlags != null) {
            for (int i = 0; i < redFlags.size(); i++) {
                if (!RedFlag.isCode(redFlags.get(i))) {
                    v.error("redFlags", "invalid_code", "are red-flag codes");
                    break;
                }
            }
        }
        return v.errors();
    }

    private static void shortText(Validator v, String field, String value) {
        if (v.required(field, value)) {
            v.maxLength(field, value, SHORT_TEXT_MAX);
        }
    }

    private void sinceDate(Validator v, String today) {
        v.date("since", since, true);
        if (today != null && TimeText.isDate(since) && since.compareTo(today) > 0) {
            v.error("since", "in_future", "cannot be after today");
        }
    }

    public boolean hasRedFlag(String code) {
        return redFlags != null && redFlags.contains(code);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "type", Json.name(type));
        Json.put(m, "medication", medication);
        Json.put(m, "since", since);
        Json.put(m, "symptoms", symptoms);
        Json.put(m, "severity", Json.name(severity));
        Json.put(m, "temperature", temperature);
        Json.put(m, "testName", testName);
        Json.put(m, "resultsMarkedUrgent", Boolean.valueOf(resultsMarkedUrgent));
        Json.put(m, "documentKind", Json.name(documentKind));
        Json.put(m, "purpose", purpose);
        Json.put(m, "question", question);
        Json.put(m, "appointmentId", appointmentId);
        Json.put(m, "redFlags", TriageJson.list(redFlags));
        Json.put(m, "message", message);
        return m;
    }

    public static TriageAnswers fromMap(Map<String, Object> m) {
        TriageAnswers a = new TriageAnswers();
        a.type = Json.enumValue(m, "type", RequestType.class, RequestType.values());
        a.medication = Json.str(m, "medication");
        a.since = Json.str(m, "since");
        a.symptoms = Json.str(m, "symptoms");
        a.severity = Json.enumValue(m, "severity", Severity.class, Severity.values());
        a.temperature = TriageJson.dbl(m, "temperature");
        a.testName = Json.str(m, "testName");
        a.resultsMarkedUrgent = Json.bool(m, "resultsMarkedUrgent", false);
        a.documentKind = Json.enumValue(m, "documentKind", DocumentKind.class, DocumentKind.values());
        a.purpose = Json.str(m, "purpose");
        a.question = Json.str(m, "question");
        a.appointmentId = Json.lng(m, "appointmentId");
        List<String> flags = TriageJson.strings(m, "redFlags");
        a.redFlags = flags == null ? new ArrayList<String>() : flags;
        a.message = Json.str(m, "message");
        return a;
    }
}
