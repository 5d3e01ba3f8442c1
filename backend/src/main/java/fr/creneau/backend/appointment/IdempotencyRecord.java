package fr.creneau.backend.appointment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;
import java.time.Instant;
/** The first answer to a POST carrying an Idempotency-Key, replayed to its retries. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public Long accountId;
    @Column(name = "idem_key")
    public String key;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "response_status")
    public int responseStatus;
    @Column(name = "response_body")
    public String responseBody;
    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
}
