package fr.creneau.backend.practice;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


@Entity
@Table(name = "practitioner")
public class Practitioner extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "practice_id")
    public Long practiceId;
    @Column(name = "last_name")
    public String lastName;
    @Column(name = "first_name")
    public String firstName;
    public String specialty;

    public String fullName() {
        return fullName(firstName, lastName);
    }

    /** The name as shown, from the columns read without the entity. */
    public static String fullName(String firstName, String lastName) {
        return firstName + " " + lastName;
    }
}
