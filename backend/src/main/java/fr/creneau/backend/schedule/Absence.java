package fr.creneau.backend.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;
import java.time.Instant;

@Entity
@Table(name = "absence")
public class Absence extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "practitioner_id")
    public Long practitionerId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    public String note;
    @Column(name = "created_by")
    public Long createdBy;
    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
}
