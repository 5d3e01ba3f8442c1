package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.triage.TriageJson;

import java.util.Map;

/**
 * A practice's indicators over [from, to] (dates, both included, in the practice's timezone). Averages are null
 * when there is nothing to average. The no-show rate is no-shows over appointments that were due (seen or not).
 */
public class IndicatorsDto implements JsonMappable {
    public Long practiceId;
    public String from;
    public String to;
    public Integer appointmentsDue;
    public Integer noShows;
    public Double noShowRate;
    public Integer requestsReceived;
    public Integer requestsAnswered;
    public Double averageFirstAnswerMinutes;
    public Integer callsAnswered;
    public Double averageCallSeconds;

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "practiceId", practiceId);
        Json.put(m, "from", from);
        Json.put(m, "to", to);
        Json.put(m, "appointmentsDue", appointmentsDue);
        Json.put(m, "noShows", noShows);
        Json.put(m, "noShowRate", noShowRate);
        Json.put(m, "requestsReceived", requestsReceived);
        Json.put(m, "requestsAnswered", requestsAnswered);
        Json.put(m, "averageFirstAnswerMinutes", averageFirstAnswerMinutes);
        Json.put(m, "callsAnswered", callsAnswered);
        Json.put(m, "averageCallSeconds", averageCallSeconds);
        return m;
    }

    public static IndicatorsDto fromMap(Map<String, Object> m) {
        IndicatorsDto d = new IndicatorsDto();
        d.practiceId = Json.lng(m, "practiceId");
        d.from = Json.str(m, "from");
        d.to = Json.str(m, "to");
        d.appointmentsDue = Json.integer(m, "appointmentsDue");
        d.noShows = Json.integer(m, "noShows");
        d.noShowRate = TriageJson.dbl(m, "noShowRate");
        d.requestsReceived = Json.integer(m, "requestsReceived");
        d.requestsAnswered = Json.integer(m, "requestsAnswered");
        d.averageFirstAnswerMinutes = TriageJson.dbl(m, "averageFirstAnswerMinutes");
        d.callsAnswered = Json.integer(m, "callsAnswered");
        d.averageCallSeconds = TriageJson.dbl(m, "averageCallSeconds");
        return d;
    }
}
