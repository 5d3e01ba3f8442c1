package fr.creneau.backend.live;

import fr.creneau.backend.appointment.Appointment;
import fr.creneau.backend.appointment.AppointmentMapper;
import fr.creneau.backend.journal.Journal;
import fr.creneau.backend.journal.JournalActor;
import fr.creneau.backend.patient.PatientRepository;
import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.practice.Practice;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.rules.AppointmentStatus;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * A patient checks in on arrival: their own (or a relative's) appointment becomes ARRIVED, on its day only.
 * The appointment service lets only staff set ARRIVED through /status, so the patient's own check-in lives here
 * with its narrower rule; the state machine itself (AppointmentStatus.canMoveTo) is still the one that decides.
 */
@ApplicationScoped
public class CheckInService {
    @Inject
    CurrentUser user;

    @Inject
    PatientRepository patients;

    @Inject
    AppointmentMapper mapper;

    @Inject
    Journal journal;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<AppointmentDto> checkIn(long appointmentId) {
        Long me = user.patientId();
        JournalActor actor = journal.currentActor();
        return Appointment.<Appointment>findById(appointmentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Appointment"))
                .chain(a -> patients.isOwnOrRelative(me, a.patientId).chain(own -> {
                    if (!own) {
                        throw ProblemException.notFound("Appointment");
                    }
                    return Practice.<Practice>findById(a.practiceId);
                }).chain(practice -> {
                    if (a.status == AppointmentStatus.ARRIVED) {
                        return mapper.toDto(a);
                    }
                    if (!a.startsAt.atZone(practice.zone()).toLocalDate().equals(clock.instant().atZone(practice.zone()).toLocalDate())) {
                        throw ProblemException.unprocessable("not_today", "Check in on the day of the appointment");
                    }
                    if (!a.status.canMoveTo(AppointmentStatus.ARRIVED)) {
                        throw ProblemException.unprocessable("invalid_transition",
                                "An appointment " + a.status + " cannot become ARRIVED");
                    }
                    a.status = AppointmentStatus.ARRIVED;
                    return a.flush()
                            .chain(() -> journal.record(actor, a.practiceId, Journal.APPOINTMENT_CHECK_IN, Journal.APPOINTMENT, a.id, null))
                            .chain(() -> mapper.toDto(a));
                }));
    }
}
