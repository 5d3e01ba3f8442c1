package fr.creneau.backend.schedule;

import fr.creneau.backend.support.Fixtures;
import fr.creneau.backend.support.Fixtures.Actor;
import fr.creneau.model.rules.Role;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** One practice with two practitioners, its staff, a foreign practice's staff and a patient. */
final class ScheduleWorld {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final Fixtures fx;
    final long practice;
    final long site;
    final long drA;
    final long drB;
    final long online;
    final long offline;
    final long foreignPractice;
    final long foreignSite;
    final long foreignMotive;
    final Actor practitionerA;
    final Actor practitionerB;
    final Actor secretary;
    final Actor admin;
    final Actor foreignAdmin;
    final Actor foreignSecretary;
    final Actor patient;
    /** A date a few days ahead: inside the horizon, past the minimum notice. */
    final LocalDate day = LocalDate.now(PARIS).plusDays(3);

    ScheduleWorld(Fixtures fx) {
        this.fx = fx;
        practice = fx.practice("Centre Planning", "Europe/Paris");
        site = fx.site(practice);
        drA = fx.practitioner(practice, "Médecine générale");
        drB = fx.practitioner(practice, "Médecine générale");
        online = fx.motive(practice, 30, true, false);
        offline = fx.motive(practice, 30, false, false);
        foreignPractice = fx.practice("Cabinet Voisin", "Europe/Paris");
        foreignSite = fx.site(foreignPractice);
        foreignMotive = fx.motive(foreignPractice, 30, true, false);
        practitionerA = fx.staff(Role.PRACTITIONER, practice, drA);
        practitionerB = fx.staff(Role.PRACTITIONER, practice, drB);
        secretary = fx.staff(Role.SECRETARY, practice, null);
        admin = fx.staff(Role.PRACTICE_ADMIN, practice, null);
        foreignAdmin = fx.staff(Role.PRACTICE_ADMIN, foreignPractice, null);
        foreignSecretary = fx.staff(Role.SECRETARY, foreignPractice, null);
        patient = fx.patientAccount();
    }

    Instant at(String localTime) {
        return at(day, localTime);
    }

    static Instant at(LocalDate date, String localTime) {
        return ZonedDateTime.of(date, LocalTime.parse(localTime), PARIS).toInstant();
    }

    long appointment(long practitionerId, Instant start, int minutes, String status) {
        return fx.queryLong("INSERT INTO appointment (practice_id, practitioner_id, site_id, patient_id, motive_id,"
                        + " starts_at, ends_at, status, channel, booked_by, booked_by_role)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ONLINE', ?, 'PATIENT') RETURNING id",
                practice, practitionerId, site, patient.patientId(), online, Timestamp.from(start),
                Timestamp.from(start.plusSeconds(minutes * 60L)), status, patient.accountId());
    }

    long absence(long practitionerId, Instant start, Instant end) {
        return fx.queryLong("INSERT INTO absence (practitioner_id, starts_at, ends_at) VALUES (?, ?, ?) RETURNING id",
                practitionerId, Timestamp.from(start), Timestamp.from(end));
    }
}
