package fr.creneau.backend.auth;

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
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public Long accountId;
    public String family;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
}
