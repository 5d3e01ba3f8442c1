package fr.creneau.model.api;

import fr.creneau.model.json.Json;
import fr.creneau.model.json.JsonMappable;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.TimeText;
import fr.creneau.model.rules.Validator;

import java.util.List;
import java.util.Map;

/**
 * Hours a practitioner receives at a site, in the practice's local time. Weekly ranges repeat on
 * {@code dayOfWeek} (1 = Monday … 7 = Sunday); a one-off range (an extra opening) has a {@code date} instead.
 * An urgency-reserve range is kept for the secretariat and only offered online {@code releaseMinutesBefore}
 * its start, or once released by hand.
 */
public class OpeningRangeDto implements JsonMappable {
    public static final Json.Reader<OpeningRangeDto> READER = new Json.Reader<OpeningRangeDto>() {
        public OpeningRangeDto read(Map<String, Object> m) {
            return fromMap(m);
        }
    };

    public Long id;
    public Long practitionerId;
    public Long siteId;
    public Integer dayOfWeek;
    public String date;
    public String start;
    public String end;
    public List<Long> motiveIds;

    /** Far above any practice's catalogue; the ids are checked in one query, whose parameters are bounded. */
    public static final int MOTIVES_MAX = 100;
    public boolean urgencyReserve;
    public Integer releaseMinutesBefore;

    public List<FieldError> validate() {
        Validator v = new Validator();
        v.required("siteId", siteId);
        if (dayOfWeek == null && date == null) {
            v.error("dayOfWeek", "required", "a weekly range needs dayOfWeek, a one-off range needs date");
        } else if (dayOfWeek != null && date != null) {
            v.error("date", "conflict", "give either dayOfWeek or date, not both");
        }
        v.range("dayOfWeek", dayOfWeek, 1, 7);
        v.date("date", date, false);
        v.time("start", start);
        v.time("end", end);
        if (TimeText.isTime(start) && TimeText.isTime(end)
                && TimeText.minutesOfDay(end) <= TimeText.minutesOfDay(start)) {
            v.error("end", "end_before_start", "must be after start");
        }
        if (motiveIds == null || motiveIds.isEmpty()) {
            v.error("motiveIds", "required", "must name at least one motive");
        } else if (motiveIds.size() > MOTIVES_MAX) {
            v.error("motiveIds", "too_many", "must name at most " + MOTIVES_MAX + " motives");
        }
        v.range("releaseMinutesBefore", releaseMinutesBefore, 0, 7 * 24 * 60);
        return v.errors();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = Json.object();
        Json.put(m, "id", id);
        Json.put(m, "practitionerId", practitionerId);
        Json.put(m, "siteId", siteId);
        Json.put(m, "dayOfWeek", dayOfWeek);
        Json.put(m, "date", date);
        Json.put(m, "start", start);
        Json.put(m, "end", end);
        Json.put(m, "motiveIds", motiveIds);
        Json.put(m, "urgencyReserve", Boolean.valueOf(urgencyReserve));
        Json.put(m, "releaseMinutesBefore", releaseMinutesBefore);
        return m;
    }

    public static OpeningRangeDto fromMap(Map<String, Object> m) {
        OpeningRangeDto r = new OpeningRangeDto();
        r.id = Json.lng(m, "id");
        r.practitionerId = Json.lng(m, "practitionerId");
        r.siteId = Json.lng(m, "siteId");
        r.dayOfWeek = Json.integer(m, "dayOfWeek");
        r.date = Json.str(m, "date");
        r.start = Json.str(m, "start");
        r.end = Json.str(m, "end");
        r.motiveIds = Json.longList(m, "motiveIds");
        r.urgencyReserve = Json.bool(m, "urgencyReserve", false);
        r.releaseMinutesBefore = Json.integer(m, "releaseMinutesBefore");
        return r;
    }
}
