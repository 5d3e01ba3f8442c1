package fr.creneau.backend.appointment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.Channel;
import fr.creneau.model.rules.Role;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "practice_id")
    public Long practiceId;
    @Column(name = "practitioner_id")
    public Long practitionerId;
    @Column(name = "site_id")
    public Long siteId;
    @Column(name = "patient_id")
    public Long patientId;
    @Column(name = "motive_id")
    public Long motiveId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Enumerated(EnumType.STRING)
    public AppointmentStatus status;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "booked_by")
    public Long bookedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "booked_by_role")
    public Role bookedByRole;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
    /** On a NO_SHOW: excused no-shows do not count against the patient (noshow package). */
    @Column(name = "no_show_excused")
    public boolean noShowExcused;
}
