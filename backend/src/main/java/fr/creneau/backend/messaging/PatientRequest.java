package fr.creneau.backend.messaging;

import fr.creneau.model.rules.Channel;
import fr.creneau.model.rules.Role;
import fr.creneau.model.triage.Priority;
import fr.creneau.model.triage.RequestStatus;
import fr.creneau.model.triage.RequestType;
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

/** A structured request (or a phone memo). {@code answers} is the clinical content, as TriageAnswers JSON. */
@Entity
@Table(name = "patient_request")
public class PatientRequest extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "practice_id")
    public Long practiceId;
    @Column(name = "patient_id")
    public Long patientId;
    @Column(name = "practitioner_id")
    public Long practitionerId;
    @Column(name = "author_account_id")
    public Long authorAccountId;
    @Enumerated(EnumType.STRING)
    @Column(name = "author_role")
    public Role authorRole;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public RequestType type;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Enumerated(EnumType.STRING)
    public RequestStatus status;
    public String answers;
    @Column(name = "triage_reasons")
    public String triageReasons;
    @Column(name = "call_id")
    public Long callId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;
    @Column(name = "first_answered_at")
    public Instant firstAnsweredAt;
    @Column(name = "closed_at")
    public Instant closedAt;
}
