package fr.creneau.backend.desk;

import fr.creneau.backend.platform.CurrentUser;
import fr.creneau.backend.platform.Params;
import fr.creneau.backend.platform.ProblemException;
import fr.creneau.backend.practice.Practice;
import fr.creneau.model.api.IndicatorsDto;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A practice's indicators over a span of its own days. */
@ApplicationScoped
public class Indicators {
    public static final int MAX_DAYS = 366;

    @Inject
    CurrentUser user;

    @WithSession
    public Uni<IndicatorsDto> compute(long practiceId, String fromText, String toText) {
        user.requireStaffOf(practiceId, "Practice");
        LocalDate from = Params.date("from", fromText, true);
        LocalDate to = Params.date("to", toText, true);
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "before_from", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalid("to", "out_of_range", "the span is at most " + MAX_DAYS + " days");
        }
        return Practice.<Practice>findById(practiceId).chain(practice -> {
            OffsetDateTime start = from.atStartOfDay(practice.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            OffsetDateTime end = to.plusDays(1).atStartOfDay(practice.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            IndicatorsDto d = new IndicatorsDto();
            d.practiceId = practiceId;
            d.from = from.toString();
            d.to = to.toString();
            return Panache.getSession().chain(s -> s.createNativeQuery(
                            "SELECT count(*) FILTER (WHERE status IN ('SEEN', 'NO_SHOW')), count(*) FILTER (WHERE status = 'NO_SHOW')"
                                    + " FROM appointment WHERE practice_id = :p AND starts_at >= :a AND starts_at < :b", Object[].class)
                    .setParameter("p", practiceId).setParameter("a", start).setParameter("b", end).getSingleResult()
                    .invoke(row -> {
                        d.appointmentsDue = ((Number) row[0]).intValue();
                        d.noShows = ((Number) row[1]).intValue();
                        d.noShowRate = d.appointmentsDue == 0 ? null : round((double) d.noShows / d.appointmentsDue, 4);
                    })
                    .chain(() -> s.createNativeQuery("SELECT count(*), count(first_answered_at),"
                                    + " avg(extract(epoch FROM first_answered_at - created_at) / 60.0)"
                                    + " FROM patient_request WHERE practice_id = :p AND created_at >= :a AND created_at < :b", Object[].class)
                            .setParameter("p", practiceId).setParameter("a", start).setParameter("b", end).getSingleResult())
                    .invoke(row -> {
                        d.requestsReceived = ((Number) row[0]).intValue();
                        d.requestsAnswered = ((Number) row[1]).intValue();
                        d.averageFirstAnswerMinutes = row[2] == null ? null : round(((Number) row[2]).doubleValue(), 1);
                    })
                    .chain(() -> s.createNativeQuery("SELECT count(*), avg(extract(epoch FROM ended_at - started_at))"
                                    + " FROM phone_call WHERE practice_id = :p AND started_at >= :a AND started_at < :b", Object[].class)
                            .setParameter("p", practiceId).setParameter("a", start).setParameter("b", end).getSingleResult())
                    .map(row -> {
                        d.callsAnswered = ((Number) row[0]).intValue();
                        d.averageCallSeconds = row[1] == null ? null : round(((Number) row[1]).doubleValue(), 1);
                        return d;
                    }));
        });
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
