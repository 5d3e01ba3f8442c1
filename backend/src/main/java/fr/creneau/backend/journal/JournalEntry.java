package fr.creneau.backend.journal;

import fr.creneau.model.rules.Role;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One access-journal row. The id comes from the sequence before hashing, because the hash covers it. */
@Entity
@Table(name = "access_journal")
public class JournalEntry extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "practice_id")
    public Long practiceId;
    public Instant at;
    @Column(name = "account_id")
    public Long accountId;
    @Enumerated(EnumType.STRING)
    public Role role;
    public String action;
    @Column(name = "object_type")
    public String objectType;
    @Column(name = "object_id")
    public Long objectId;
    public String detail;
    @Column(name = "client_ip")
    public String clientIp;
    @Column(name = "prev_hash")
    public String prevHash;
    public String hash;
}
