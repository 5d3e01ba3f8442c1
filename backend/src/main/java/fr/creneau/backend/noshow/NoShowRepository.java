package fr.creneau.backend.noshow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counting no-shows, per practice only: another practice's record is not ours to show or to hold against anyone.
 * Both queries read the partial index {@code appointment_no_show_idx} (NO_SHOW rows only), so they touch a
 * handful of rows per patient whatever the size of the agenda.
 */
@ApplicationScoped
public class NoShowRepository {

    /** A patient's no-shows at one practice, and the practice's rule, in one round trip. */
    public record Standing(int unexcused, int excused, Integer maxUnexcused, String practicePhone) {
        public boolean secretaryBookingRequired() {
            return fr.creneau.model.api.NoShowPolicyDto.secretaryBookingRequired(maxUnexcused, unexcused);
        }
    }

    /** Null when the practice does not exist. Joins the caller's session. */
    public Uni<Standing> standing(long practiceId, long patientId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT p.max_unexcused_no_shows, p.phone,"
                                + " (SELECT count(*) FILTER (WHERE NOT a.no_show_excused) FROM appointment a"
                                + "   WHERE a.patient_id = :patient AND a.practice_id = p.id AND a.status = 'NO_SHOW'),"
                                + " (SELECT count(*) FILTER (WHERE a.no_show_excused) FROM appointment a"
                                + "   WHERE a.patient_id = :patient AND a.practice_id = p.id AND a.status = 'NO_SHOW')"
                                + " FROM practice p WHERE p.id = :practice", Object[].class)
                .setParameter("practice", practiceId).setParameter("patient", patientId)
                .getSingleResultOrNull())
                .map(row -> row == null ? null : new Standing(((Number) row[2]).intValue(), ((Number) row[3]).intValue(),
                        row[0] == null ? null : ((Number) row[0]).intValue(), (String) row[1]));
    }

    /** Unexcused and excused no-show counts per patient (absent: none), for a list of patients of the practice. */
    public Uni<Map<Long, int[]>> counts(long practiceId, List<Long> patientIds) {
        if (patientIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT a.patient_id, count(*) FILTER (WHERE NOT a.no_show_excused),"
                                + " count(*) FILTER (WHERE a.no_show_excused) FROM appointment a"
                                + " WHERE a.patient_id IN (:patients) AND a.practice_id = :practice"
                                + " AND a.status = 'NO_SHOW' GROUP BY a.patient_id", Object[].class)
                        .setParameter("practice", practiceId)
                        .setParameter("patients", patientIds)
                        .getResultList())
                .map(rows -> {
                    Map<Long, int[]> out = new HashMap<>();
                    for (Object[] row : rows) {
                        out.put(((Number) row[0]).longValue(),
                                new int[] {((Number) row[1]).intValue(), ((Number) row[2]).intValue()});
                    }
                    return out;
                });
    }
}
