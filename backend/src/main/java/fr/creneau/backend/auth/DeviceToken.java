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
/** A device that registered for push, with the FCM or APNs key Codename One gave it. */
@Entity
@Table(name = "device_token")
public class DeviceToken extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public Long accountId;
    @Column(name = "push_key")
    public String pushKey;
    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
}
