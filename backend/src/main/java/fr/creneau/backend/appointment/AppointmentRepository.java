package fr.creneau.backend.appointment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.creneau.backend.patient.PatientRepository;
import fr.creneau.backend.schedule.SlotCalculator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, Long> {

    @Inject
    ObjectMapper json;

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

    /**
     * Everything a booking reads before its INSERT, besides the slot rules' data, in one round trip: the
     * practitioner and their practice's settings, the motive (null fields when unknown), the patient (null fields
     * when unknown) and whether the practice knows them, and the addresses of the practice's sites for the answer.
     * Null when the practitioner does not exist. Plain values, not entities: one native row instead of one
     * statement per entity (a multi-entity HQL select failed under load in Hibernate Reactive 3.2.5).
     */
    public Uni<BookingHead> bookingHead(long practitionerId, long motiveId, long patientId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(BOOKING_HEAD, Object[].class)
                        .setParameter("practitioner", practitionerId).setParameter("motive", motiveId)
                        .setParameter("patient", patientId)
                        .getSingleResultOrNull())
                .map(r -> r == null ? null : new BookingHead(num(r[0]), (String) r[1], (String) r[2],
                        (String) r[3], (int) num(r[4]), (int) num(r[5]),
                        r[6] == null ? null : num(r[6]), r[7] == null ? 0 : (int) num(r[7]), Boolean.TRUE.equals(r[8]),
                        Boolean.TRUE.equals(r[9]), (String) r[10], (String) r[11],
                        r[12] != null, r[13] == null ? null : num(r[13]), (String) r[14], (String) r[15],
                        Boolean.TRUE.equals(r[16]), siteAddresses((String) r[17])));
    }

    static final String BOOKING_HEAD = "SELECT p.practice_id, p.first_name, p.last_name,"
            + " pr.timezone, pr.min_notice_minutes, pr.horizon_days,"
            + " m.practice_id, m.duration_minutes, m.bookable_online, m.open_to_new_patients, m.label_fr, m.label_en,"
            + " pt.id, pt.holder_id, pt.first_name, pt.last_name,"
            + " EXISTS (SELECT 1 FROM practice_patient pp WHERE pp.practice_id = p.practice_id AND pp.patient_id = :patient),"
            + " (SELECT json_object_agg(s.id, s.address) FROM site s WHERE s.practice_id = p.practice_id)::text"
            + " FROM practitioner p JOIN practice pr ON pr.id = p.practice_id"
            + " LEFT JOIN motive m ON m.id = :motive"
            + " LEFT JOIN patient pt ON pt.id = :patient"
            + " WHERE p.id = :practitioner";

    /**
     * See {@link #bookingHead}. {@code motivePracticeId} is null when the motive does not exist, {@code patientExists}
     * false when the patient does not; {@code siteAddresses} maps the practice's site ids to their addresses.
     */
    public record BookingHead(long practiceId, String practitionerFirstName, String practitionerLastName,
                              String timezone, int minNoticeMinutes, int horizonDays,
                              Long motivePracticeId, int durationMinutes, boolean bookableOnline,
                              boolean openToNewPatients, String motiveLabelFr, String motiveLabelEn,
                              boolean patientExists, Long patientHolderId, String patientFirstName,
                              String patientLastName, boolean knownToPractice, Map<Long, String> siteAddresses) {
        public ZoneId zone() {
            return ZoneId.of(timezone);
        }

        /** The same rule as {@link PatientRepository#isOwnOrRelative}, on the row read here. */
        public boolean ownOrRelativeOf(long callerPatientId, long patientId) {
            return patientExists && PatientRepository.ownOrRelative(callerPatientId, patientId, patientHolderId);
        }

        public SlotCalculator.MotiveRule motiveRule(long motiveId) {
            return new SlotCalculator.MotiveRule(motiveId, durationMinutes, bookableOnline);
        }
    }

    private Map<Long, String> siteAddresses(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            Map<String, String> byId = json.readValue(text, new TypeReference<Map<String, String>>() { });
            Map<Long, String> out = new java.util.HashMap<>();
            byId.forEach((id, address) -> out.put(Long.valueOf(id), address));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable site addresses", e);
        }
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
