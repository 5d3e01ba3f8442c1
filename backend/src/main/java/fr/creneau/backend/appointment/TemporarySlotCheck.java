package fr.creneau.backend.appointment;

import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.practice.Motive;
import fr.creneau.backend.practice.Practice;
import fr.creneau.backend.practice.Practitioner;
import fr.creneau.backend.schedule.OpeningRange;
import fr.creneau.model.api.SlotDto;
import fr.creneau.model.rules.FieldError;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * TEMPORARY stand-in for {@code ScheduleService.requireBookable}, which the schedule package owns. Delete this
 * class and call the real one from {@link AppointmentService#requireBookable} once it is on main. It checks only
 * the minimum the booking needs to be meaningful: not in the past, an opening range that holds the slot (its
 * site), and the online flag for patients.
 */
@ApplicationScoped
public class TemporarySlotCheck {
    @Inject
    Clock clock;

    public Uni<SlotDto> requireBookable(long practitionerId, long motiveId, Instant start, boolean staff) {
        if (!start.isAfter(clock.instant())) {
            throw new ProblemException(422, "in_the_past", "This time has passed",
                    List.of(new FieldError("start", "in_the_past", "must be in the future")), null);
        }
        return Practitioner.<Practitioner>findById(practitionerId)
                .chain(p -> Practice.<Practice>findById(p.practiceId))
                .chain(practice -> Motive.<Motive>findById(motiveId).chain(motive -> {
                    if (!staff && !motive.bookableOnline) {
                        throw ProblemException.unprocessable("not_bookable_online", "Book this motive by phone");
                    }
                    ZonedDateTime local = start.atZone(practice.zone());
                    LocalTime from = local.toLocalTime();
                    ZonedDateTime localEnd = local.plusMinutes(motive.durationMinutes);
                    return OpeningRange.<OpeningRange>list("practitionerId", practitionerId).map(ranges -> {
                        for (OpeningRange r : ranges) {
                            if (r.appliesTo(local.toLocalDate()) && r.accepts(motiveId)
                                    && !from.isBefore(r.startTime)
                                    && localEnd.toLocalDate().equals(local.toLocalDate())
                                    && !localEnd.toLocalTime().isAfter(r.endTime)) {
                                SlotDto s = new SlotDto();
                                s.practitionerId = practitionerId;
                                s.motiveId = motiveId;
                                s.siteId = r.siteId;
                                s.start = start.toString();
                                s.end = localEnd.toInstant().toString();
                                s.urgencyReserve = r.urgencyReserve;
                                return s;
                            }
                        }
                        throw ProblemException.unprocessable("slot_unavailable", "The practitioner does not receive at this time");
                    });
                }));
    }
}
