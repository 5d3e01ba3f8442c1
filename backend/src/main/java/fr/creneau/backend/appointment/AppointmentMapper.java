package fr.creneau.backend.appointment;

import fr.creneau.backend.patient.Patient;
import fr.creneau.backend.practice.Motive;
import fr.creneau.backend.practice.Practice;
import fr.creneau.backend.practice.Practitioner;
import fr.creneau.backend.practice.Site;
import fr.creneau.model.api.AppointmentDto;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The API view of appointments, with the names and address a client shows without further calls. Loads the
 * related rows in one query per table for a whole list; call it inside a session.
 */
@ApplicationScoped
public class AppointmentMapper {

    public Uni<AppointmentDto> toDto(Appointment a) {
        return toDtos(List.of(a)).map(l -> l.get(0));
    }

    public Uni<List<AppointmentDto>> toDtos(List<Appointment> appointments) {
        if (appointments.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Related r = new Related();
        // One query after the other: a reactive session runs one operation at a time
        return byId(Practitioner.<Practitioner>list("id in ?1", ids(appointments, a -> a.practitionerId)), p -> p.id)
                .invoke(m -> r.practitioners = m)
                .chain(() -> byId(Patient.<Patient>list("id in ?1", ids(appointments, a -> a.patientId)), p -> p.id))
                .invoke(m -> r.patients = m)
                .chain(() -> byId(Motive.<Motive>list("id in ?1", ids(appointments, a -> a.motiveId)), m -> m.id))
                .invoke(m -> r.motives = m)
                .chain(() -> byId(Site.<Site>list("id in ?1", ids(appointments, a -> a.siteId)), s -> s.id))
                .invoke(m -> r.sites = m)
                .chain(() -> byId(Practice.<Practice>list("id in ?1", ids(appointments, a -> a.practiceId)), p -> p.id))
                .invoke(m -> r.practices = m)
                .map(ignored -> appointments.stream()
                        .map(a -> toDto(a, r.practitioners.get(a.practitionerId), r.patients.get(a.patientId),
                                r.motives.get(a.motiveId), r.sites.get(a.siteId), r.practices.get(a.practiceId)))
                        .toList());
    }

    public static AppointmentDto toDto(Appointment a, Practitioner practitioner, Patient patient, Motive motive,
                                       Site site, Practice practice) {
        return toDto(a, practitioner == null ? null : practitioner.fullName(),
                patient == null ? null : patient.fullName(), motive == null ? null : motive.labelFr,
                motive == null ? null : motive.labelEn, site == null ? null : site.address,
                practice == null ? null : practice.timezone);
    }

    /**
     * The same view from the names and address already read as plain values (booking reads them with its checks,
     * in one row: see AppointmentRepository.bookingHead). Names are given as {@code fullName()} builds them.
     */
    public static AppointmentDto toDto(Appointment a, String practitionerName, String patientName,
                                       String motiveLabelFr, String motiveLabelEn, String siteAddress, String timezone) {
        AppointmentDto d = new AppointmentDto();
        d.id = a.id;
        d.practiceId = a.practiceId;
        d.practitionerId = a.practitionerId;
        d.patientId = a.patientId;
        d.motiveId = a.motiveId;
        d.siteId = a.siteId;
        d.start = a.startsAt == null ? null : a.startsAt.toString();
        d.end = a.endsAt == null ? null : a.endsAt.toString();
        d.channel = a.channel;
        d.status = a.status;
        d.bookedByRole = a.bookedByRole;
        d.cancelReason = a.cancelReason;
        d.practitionerName = practitionerName;
        d.patientName = patientName;
        d.motiveLabelFr = motiveLabelFr;
        d.motiveLabelEn = motiveLabelEn;
        d.siteAddress = siteAddress;
        d.timezone = timezone;
        d.noShowExcused = a.status == fr.creneau.model.rules.AppointmentStatus.NO_SHOW ? a.noShowExcused : null;
        return d;
    }

    private static Set<Long> ids(Collection<Appointment> appointments, Function<Appointment, Long> id) {
        return appointments.stream().map(id).collect(Collectors.toSet());
    }

    private static <T> Uni<Map<Long, T>> byId(Uni<List<T>> rows, Function<T, Long> id) {
        return rows.map(l -> {
            Map<Long, T> m = new HashMap<>();
            l.forEach(t -> m.put(id.apply(t), t));
            return m;
        });
    }

    private static final class Related {
        Map<Long, Practitioner> practitioners;
        Map<Long, Patient> patients;
        Map<Long, Motive> motives;
        Map<Long, Site> sites;
        Map<Long, Practice> practices;
    }
}
