package fr.creneau.backend.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;
import fr.creneau.model.rules.Role;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String email;
    @Column(name = "password_hash")
    public String passwordHash;
    @Enumerated(EnumType.STRING)
    public Role role;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "practice_id")
    public Long practiceId;
    @Column(name = "practitioner_id")
    public Long practitionerId;
    @Column(name = "patient_id")
    public Long patientId;
    @Column(name = "failed_logins")
    public int failedLogins;
    @Column(name = "locked_until")
    public Instant lockedUntil;
    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
}
