package fr.creneau.backend.patient;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "last_name")
    public String lastName;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    public String phone;
    public String email;
    /** Set on a relative: the patient whose account books for them. */
    @Column(name = "holder_id")
    public Long holderId;
    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    public String fullName() {
        return fullName(firstName, lastName);
    }

    /** The name as shown, from the columns read without the entity. */
    public static String fullName(String firstName, String lastName) {
        return firstName + " " + lastName;
    }
}
