package fr.creneau.backend.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
/** An urgency-reserve range opened to online booking by hand for one date. */
@Entity
@Table(name = "urgency_release")
public class UrgencyRelease extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "range_id")
    public Long rangeId;
    @Column(name = "on_date")
    public LocalDate onDate;
    @Column(name = "released_at")
    public Instant releasedAt;
    @Column(name = "released_by")
    public Long releasedBy;
}
