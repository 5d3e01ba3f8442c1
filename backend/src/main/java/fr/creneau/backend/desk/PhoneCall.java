package fr.creneau.backend.desk;

import fr.creneau.model.triage.CallOutcome;
import fr.creneau.model.triage.Priority;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A call the secretariat took, from pick-up to its one outcome. */
@Entity
@Table(name = "phone_call")
public class PhoneCall extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "practice_id")
    public Long practiceId;
    @Column(name = "answered_by")
    public Long answeredBy;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "caller_name")
    public String callerName;
    @Column(name = "caller_phone")
    public String callerPhone;
    @Column(name = "patient_id")
    public Long patientId;
    @Column(name = "identity_checked")
    public Boolean identityChecked;
    @Column(name = "name_matches")
    public Boolean nameMatches;
    @Column(name = "birth_date_matches")
    public Boolean birthDateMatches;
    @Column(name = "phone_matches")
    public Boolean phoneMatches;
    public String reason;
    @Column(name = "motive_id")
    public Long motiveId;
    public String answers;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "triage_reasons")
    public String triageReasons;
    @Enumerated(EnumType.STRING)
    public CallOutcome outcome;
    @Column(name = "appointment_id")
    public Long appointmentId;
    /** The entry a WAITLISTED call made; cleared if the patient later stops waiting (the entry is deleted). */
    @Column(name = "waitlist_entry_id")
    public Long waitlistEntryId;
    @Column(name = "request_id")
    public Long requestId;
    @Column(name = "practitioner_id")
    public Long practitionerId;
    public String note;
}
