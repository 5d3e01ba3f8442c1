package fr.creneau.backend.appointment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, Long> {

    /** The appointments of a holder and of their relatives. */
    public Uni<List<Appointment>> ofHolder(long holderPatientId, Instant now, boolean upcoming) {
        String who = "patientId in (select p.id from Patient p where p.id = ?1 or p.holderId = ?1)";
        return upcoming
                ? list(who + " and endsAt > ?2 order by startsAt asc, id asc", holderPatientId, now)
                : list(who + " and endsAt <= ?2 order by startsAt desc, id desc", holderPatientId, now);
    }

    public Uni<List<Appointment>> agenda(long practitionerId, Instant from, Instant to) {
        return list("practitionerId = ?1 and startsAt < ?3 and endsAt > ?2 order by startsAt asc, id asc",
                practitionerId, from, to);
    }

}
