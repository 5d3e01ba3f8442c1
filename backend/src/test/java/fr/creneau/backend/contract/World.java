package fr.creneau.backend.contract;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.model.rules.Role;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two practices, A (the callers' own) and B (foreign), each with a site, practitioners, an online motive, a
 * working week and known patients; and one account per role in A. Objects that a call may change (appointments)
 * are made fresh for each call, so the order of the calls never matters.
 */
final class World {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** An id no table holds. */
    static final long MISSING_ID = 987_654_321_987L;
    private static final int SLOTS_PER_DAY = 32;
    private static final int MOTIVE_MINUTES = 15;
    /** Shared by every world of the run, so no two fresh appointments of a patient or practitioner ever overlap. */
    private static final AtomicInteger SLOT = new AtomicInteger();

    final Fixtures fx;
    final Side a;
    final Side b;
    final Actor patient;
    final Actor practitioner;
    final Actor secretary;
    final Actor admin;
    /** Another patient known to A: a patient's "foreign" object in their own practice. */
    final long otherPatientOfA;
    /** B's own people, who make B's objects through the API (requests, calls, red flags). */
    final Actor patientOfB;
    final Actor secretaryOfB;
    final Actor adminOfB;

    /** One practice and what it holds. */
    record Side(long practiceId, long siteId, long practitionerId, long colleagueId, long motiveId, long patientId) {
    }

    World(Fixtures fx) {
        this.fx = fx;
        this.a = side(fx);
        this.b = side(fx);
        this.patient = fx.account(Role.PATIENT, null, null, a.patientId);
        this.practitioner = fx.staff(Role.PRACTITIONER, a.practiceId, a.practitionerId);
        this.secretary = fx.staff(Role.SECRETARY, a.practiceId, null);
        this.admin = fx.staff(Role.PRACTICE_ADMIN, a.practiceId, null);
        this.otherPatientOfA = fx.patient(Fixtures.unique("Martin"), "Léa", LocalDate.of(1990, 1, 2), "+33611111111", null);
        fx.knownTo(a.practiceId, otherPatientOfA);
        this.patientOfB = fx.account(Role.PATIENT, null, null, b.patientId);
        this.secretaryOfB = fx.staff(Role.SECRETARY, b.practiceId, null);
        this.adminOfB = fx.staff(Role.PRACTICE_ADMIN, b.practiceId, null);
    }

    private static Side side(Fixtures fx) {
        long practice = fx.practice("Cabinet", "Europe/Paris");
        fx.practiceRules(practice, 24, 60, 365);
        long site = fx.site(practice);
        long practitioner = fx.practitioner(practice, "Médecin généraliste");
        long colleague = fx.practitioner(practice, "Médecin généraliste");
        long motive = fx.motive(practice, MOTIVE_MINUTES, true, false);
        fx.workingWeek(practitioner, site, motive);
        fx.workingWeek(colleague, site, motive);
        long patient = fx.patient(Fixtures.unique("Durand"), "Camille", LocalDate.of(1985, 4, 12), "+33612345678", null);
        fx.knownTo(practice, patient);
        return new Side(practice, site, practitioner, colleague, motive, patient);
    }

    Actor actor(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case PATIENT -> patient;
            case PRACTITIONER -> practitioner;
            case SECRETARY -> secretary;
            case PRACTICE_ADMIN -> admin;
        };
    }

    /**
     * A free slot of the working week (Mon-Fri 08:00-12:00, 14:00-18:00, Paris), at least three days ahead so
     * that the notice and the patients' cancellation cutoff never get in the way.
     */
    static Instant nextSlot() {
        int n = SLOT.getAndIncrement();
        int dayIndex = n / SLOTS_PER_DAY;
        int inDay = n % SLOTS_PER_DAY;
        LocalDate day = LocalDate.now(PARIS).plusDays(3);
        int weekdays = 0;
        while (true) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                if (weekdays == dayIndex) {
                    break;
                }
                weekdays++;
            }
            day = day.plusDays(1);
        }
        LocalTime time = inDay < 16 ? LocalTime.of(8, 0).plusMinutes(15L * inDay)
                : LocalTime.of(14, 0).plusMinutes(15L * (inDay - 16));
        return day.atTime(time).atZone(PARIS).toInstant();
    }

    long appointment(Side side, long practitionerId, long patientId) {
        return fx.appointment(side.practiceId, practitionerId, side.siteId, patientId, side.motiveId, nextSlot(),
                MOTIVE_MINUTES, "BOOKED", "PHONE", secretary.accountId(), Role.SECRETARY);
    }
}
