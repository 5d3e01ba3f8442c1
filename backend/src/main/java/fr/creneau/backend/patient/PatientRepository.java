package fr.creneau.backend.patient;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, Long> {
    static final int SEARCH_LIMIT = 50;

    /** Whether {@code patientId} is the caller's own patient record or one of their relatives. */
    public Uni<Boolean> isOwnOrRelative(long callerPatientId, long patientId) {
        return count("id = ?1 and (id = ?2 or holderId = ?2)", patientId, callerPatientId).map(n -> n > 0);
    }

    /** {@link #isOwnOrRelative} on a patient row already read (its id and holder): the same rule. */
    public static boolean ownOrRelative(long callerPatientId, long patientId, Long holderId) {
        return patientId == callerPatientId || (holderId != null && holderId == callerPatientId);
    }

    public Uni<Boolean> isKnownTo(long practiceId, long patientId) {
        return PracticePatient.count("practiceId = ?1 and patientId = ?2", practiceId, patientId).map(n -> n > 0);
    }

    /** Links a patient to a practice; a no-op when already linked, also under concurrent bookings. */
    public Uni<Void> linkToPractice(long practiceId, long patientId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO practice_patient (practice_id, patient_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, practiceId).setParameter(2, patientId).executeUpdate()).replaceWithVoid();
    }

    /**
     * Patients known to the practice. Each word of {@code q} must start the last or the first name, ignoring case.
     */
    public Uni<List<Patient>> searchKnownTo(long practiceId, String q, LocalDate birthDate, String phone) {
        StringBuilder hql = new StringBuilder(
                "id in (select pp.patientId from PracticePatient pp where pp.practiceId = :practice)");
        Map<String, Object> params = new HashMap<>();
        params.put("practice", practiceId);
        if (q != null) {
            List<String> words = new ArrayList<>();
            for (String w : q.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            for (int i = 0; i < words.size(); i++) {
                String p = "w" + i;
                hql.append(" and (lower(lastName) like :").append(p).append(" escape '\\'")
                        .append(" or lower(firstName) like :").append(p).append(" escape '\\')");
                params.put(p, likePrefix(words.get(i)));
            }
        }
        if (birthDate != null) {
            hql.append(" and birthDate = :birth");
            params.put("birth", birthDate);
        }
        if (phone != null) {
            hql.append(" and phone = :phone");
            params.put("phone", phone);
        }
        hql.append(" order by lower(lastName), lower(firstName), birthDate, id");
        return find(hql.toString(), params).page(0, SEARCH_LIMIT).list();
    }

    /** The same person by identity: names (ignoring case), birth date and phone. */
    /**
     * Serialises, until the end of the transaction, the creation of one identity (names, birth date, phone): two
     * secretaries registering the same caller at the same moment then find each other's record instead of creating
     * two. Patients are not unique by identity in the schema (homonyms sharing a phone, e.g. twins, exist).
     */
    public Uni<Void> lockIdentity(String lastName, String firstName, LocalDate birthDate, String phone) {
        String key = lastName.trim().toLowerCase(Locale.ROOT) + '\n' + firstName.trim().toLowerCase(Locale.ROOT)
                + '\n' + birthDate + '\n' + phone;
        return Panache.getSession().chain(s -> s.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                        .setParameter("key", key)
                        .getSingleResult())
                .replaceWithVoid();
    }

    public Uni<Patient> findIdentical(String lastName, String firstName, LocalDate birthDate, String phone) {
        return find("lower(lastName) = ?1 and lower(firstName) = ?2 and birthDate = ?3 and phone = ?4 order by id",
                lastName.trim().toLowerCase(Locale.ROOT), firstName.trim().toLowerCase(Locale.ROOT), birthDate, phone)
                .firstResult();
    }

    private static String likePrefix(String word) {
        String escaped = word.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return escaped + "%";
    }
}
