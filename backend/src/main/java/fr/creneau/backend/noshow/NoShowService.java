package fr.creneau.backend.noshow;

import fr.creneau.backend.appointment.Appointment;
import fr.creneau.backend.appointment.AppointmentMapper;
import fr.creneau.backend.appointment.Caller;
import fr.creneau.backend.journal.Journal;
import fr.creneau.backend.journal.JournalActor;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.practice.Practice;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.NoShowExcuseRequest;
import fr.creneau.model.api.NoShowPolicyDto;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Excusing a recorded no-show afterwards, and the practice's no-show rule. Marking a no-show is a status change. */
@ApplicationScoped
public class NoShowService {
    static final String EXCUSE = "NO_SHOW_EXCUSE";
    static final String POLICY = "NO_SHOW_POLICY";
    static final String PRACTICE = "Practice";

    @Inject
    AppointmentMapper mapper;

    @Inject
    Journal journal;

    /** Staff of the appointment's practice; a practitioner in their own agenda only, as for the status itself. */
    public Uni<AppointmentDto> excuse(Caller caller, JournalActor actor, long appointmentId, NoShowExcuseRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "required", "a JSON body is required");
        }
        ProblemException.check(request.validate());
        return Panache.withTransaction(() -> Appointment.<Appointment>findById(appointmentId).chain(a -> {
            if (a == null || !caller.isStaffOf(a.practiceId)) {
                throw ProblemException.notFound("Appointment");
            }
            if (caller.role() == Role.PRACTITIONER && !a.practitionerId.equals(caller.practitionerId())) {
                throw new ProblemException(403, "not_your_agenda", "This appointment is in a colleague's agenda");
            }
            if (a.status != AppointmentStatus.NO_SHOW) {
                throw ProblemException.unprocessable("not_a_no_show", "Only a no-show can be excused");
            }
            boolean was = a.noShowExcused;
            a.noShowExcused = request.excused;
            return Panache.getSession().chain(s -> s.flush())
                    .chain(() -> was == a.noShowExcused ? Uni.createFrom().voidItem()
                            : journal.record(actor, a.practiceId, EXCUSE, Journal.APPOINTMENT, a.id,
                            "excused=" + a.noShowExcused))
                    .chain(() -> mapper.toDto(a));
        }));
    }

    /** The practice admin sets or clears the rule (null: none); every staff member sees it on the practice. */
    public Uni<NoShowPolicyDto> setPolicy(Caller caller, JournalActor actor, long practiceId, NoShowPolicyDto dto) {
        if (dto == null) {
            throw ProblemException.invalid("body", "required", "a JSON body is required");
        }
        ProblemException.check(dto.validate());
        if (!caller.isStaffOf(practiceId)) {
            throw ProblemException.notFound("Practice");
        }
        return Panache.withTransaction(() -> Practice.<Practice>findById(practiceId).chain(p -> {
            if (p == null) {
                throw ProblemException.notFound("Practice");
            }
            p.maxUnexcusedNoShows = dto.maxUnexcusedNoShows;
            return Panache.getSession().chain(s -> s.flush())
                    .chain(() -> journal.record(actor, practiceId, POLICY, PRACTICE, practiceId,
                            "maxUnexcusedNoShows=" + dto.maxUnexcusedNoShows))
                    .map(v -> {
                        NoShowPolicyDto out = new NoShowPolicyDto();
                        out.maxUnexcusedNoShows = p.maxUnexcusedNoShows;
                        return out;
                    });
        }));
    }
}
