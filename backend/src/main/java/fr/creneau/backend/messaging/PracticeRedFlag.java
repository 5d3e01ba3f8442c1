package fr.creneau.backend.messaging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A red flag a practice adds to the built-in ones. */
@Entity
@Table(name = "practice_red_flag")
public class PracticeRedFlag extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "practice_id")
    public Long practiceId;
    public String code;
    @Column(name = "label_fr")
    public String labelFr;
    @Column(name = "label_en")
    public String labelEn;
    @Column(name = "max_age_months")
    public Integer maxAgeMonths;
    @Column(name = "min_temperature", precision = 3, scale = 1)
    public BigDecimal minTemperature;
    @Column(name = "extra_number")
    public String extraNumber;
}
