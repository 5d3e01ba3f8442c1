package fr.creneau.backend.appointment;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.Role;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;

/**
 * A practice of its own for one test: a site, two practitioners working Monday to Friday 08-12 and 14-18, a
 * 15-minute and a 30-minute motive (online), a phone-only motive, and its staff. Slots are picked on a Monday
 * 8 to 14 days ahead, so that they stay valid under the schedule rules (notice, horizon, opening hours).
 */
public class BookingWorld {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public final Fixtures fx;
    public final long practiceId;
    public final long siteId;
    public final long practitionerId;
    public final long colleagueId;
    public final long motive15;
    public final long motive30;
    public final long phoneOnlyMotive;
    public final Actor secretary;
    public final Actor admin;
    public final Actor practitioner;
    public final Actor colleague;
    public final LocalDate monday;

    public BookingWorld(Fixtures fx) {
        this.fx = fx;
        practiceId = fx.practice("Cabinet", "Europe/Paris");
        siteId = fx.site(practiceId);
        practitionerId = fx.practitioner(practiceId, "Médecin généraliste");
        colleagueId = fx.practitioner(practiceId, "Pédiatre");
        motive15 = fx.motive(practiceId, 15, true, false);
        motive30 = fx.motive(practiceId, 30, true, false);
        phoneOnlyMotive = fx.motive(practiceId, 20, false, false);
        fx.workingWeek(practitionerId, siteId, motive15, motive30, phoneOnlyMotive);
        fx.workingWeek(colleagueId, siteId, motive15, motive30, phoneOnlyMotive);
        secretary = fx.staff(Role.SECRETARY, practiceId, null);
        admin = fx.staff(Role.PRACTICE_ADMIN, practiceId, null);
        practitioner = fx.staff(Role.PRACTITIONER, practiceId, practitionerId);
        colleague = fx.staff(Role.PRACTITIONER, practiceId, colleagueId);
        monday = LocalDate.now(PARIS).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /**
     * A time on the chosen Monday (plus {@code days}), local to the practice. The Monday is 8 to 14 days ahead, so
     * {@code days} of -21 or less is always in the past (-14 is today on a Monday).
     */
    public Instant at(int days, String hhmm) {
        return monday.plusDays(days).atTime(LocalTime.parse(hhmm)).atZone(PARIS).toInstant();
    }

    public Instant at(String hhmm) {
        return at(0, hhmm);
    }

    /** A patient with an account, already known to this practice. */
    public Actor knownPatient() {
        Actor p = fx.patientAccount();
        fx.knownTo(practiceId, p.patientId());
        return p;
    }

    /** A patient without an account (a phone caller), known to this practice. */
    public long phoneCaller() {
        long id = fx.patient(Fixtures.unique("Martin"), "Louis", LocalDate.of(1970, 1, 2), "+33611223344", null);
        fx.knownTo(practiceId, id);
        return id;
    }

    public long relativeOf(Actor holder) {
        return fx.patient(Fixtures.unique("Durand"), "Léa", LocalDate.of(2018, 6, 1), null, holder.patientId());
    }

    public Map<String, Object> booking(long patientId, long practitionerId, long motiveId, Instant start) {
        Map<String, Object> m = new HashMap<>();
        m.put("patientId", patientId);
        m.put("practitionerId", practitionerId);
        m.put("motiveId", motiveId);
        m.put("start", start.toString());
        return m;
    }

    public Map<String, Object> booking(long patientId, Instant start) {
        return booking(patientId, practitionerId, motive15, start);
    }

    /** An appointment written straight to the database, in any state and at any time (past ones included). */
    public long appointment(long patientId, long practitionerId, Instant start, int minutes, AppointmentStatus status) {
        return fx.queryLong("INSERT INTO appointment (practice_id, practitioner_id, site_id, patient_id, motive_id,"
                        + " starts_at, ends_at, status, channel, booked_by, booked_by_role)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PHONE', ?, 'SECRETARY') RETURNING id",
                practiceId, practitionerId, siteId, patientId, minutes == 30 ? motive30 : motive15,
                utc(start), utc(start.plusSeconds(minutes * 60L)), status.name(),
                secretary.accountId());
    }

    public long liveAppointments(long practitionerId, Instant from, Instant to) {
        return fx.queryLong("SELECT count(*) FROM appointment WHERE practitioner_id = ? AND starts_at < ? AND ends_at > ?"
                        + " AND status NOT IN ('CANCELLED_BY_PATIENT', 'CANCELLED_BY_PRACTICE')",
                practitionerId, utc(to), utc(from));
    }

    public static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
