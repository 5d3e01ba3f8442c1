package fr.creneau.backend.practice;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reason for a visit in the practice catalogue that all its practitioners and secretaries share. */
@Entity
@Table(name = "motive")
public class Motive extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "practice_id")
    public Long practiceId;
    @Column(name = "label_fr")
    public String labelFr;
    @Column(name = "label_en")
    public String labelEn;
    @Column(name = "duration_minutes")
    public int durationMinutes;
    @Column(name = "bookable_online")
    public boolean bookableOnline = true;
    @Column(name = "open_to_new_patients")
    public boolean openToNewPatients = true;
    @Column(name = "urgency_reserve")
    public boolean urgencyReserve;
    @Column(name = "preparation_fr")
    public String preparationFr;
    @Column(name = "preparation_en")
    public String preparationEn;
}
