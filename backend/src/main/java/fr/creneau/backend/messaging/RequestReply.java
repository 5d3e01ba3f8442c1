package fr.creneau.backend.messaging;

import fr.creneau.model.rules.Role;
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

@Entity
@Table(name = "request_reply")
public class RequestReply extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "request_id")
    public Long requestId;
    @Column(name = "author_account_id")
    public Long authorAccountId;
    @Enumerated(EnumType.STRING)
    @Column(name = "author_role")
    public Role authorRole;
    @Column(name = "author_name")
    public String authorName;
    public String body;
    @Column(name = "created_at")
    public Instant createdAt;
}
