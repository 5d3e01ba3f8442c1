package fr.creneau.backend.messaging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A secretary allowed by the practice to read requests' clinical content. */
@Entity
@Table(name = "clinical_grant")
public class ClinicalGrant extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "practice_id")
    public Long practiceId;
    @Column(name = "account_id")
    public Long accountId;
    @Column(name = "granted_by")
    public Long grantedBy;
    @Column(name = "granted_at")
    public Instant grantedAt;
}
