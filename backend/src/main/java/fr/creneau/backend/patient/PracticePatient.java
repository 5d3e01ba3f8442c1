package fr.creneau.backend.patient;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A patient the practice knows: booked or created by it, or who booked with it. */
@Entity
@Table(name = "practice_patient")
public class PracticePatient extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "practice_id")
    public Long practiceId;
    @Column(name = "patient_id")
    public Long patientId;
}
