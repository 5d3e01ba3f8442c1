package fr.creneau.backend.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How many changes to a practitioner's agenda have committed (see V14_1__agenda_version.sql). Written only by the
 * database's triggers; read to decide whether a cached computation of free slots is still the truth.
 */
@Entity
@Table(name = "agenda_version")
public class AgendaVersion extends PanacheEntityBase {
    @Id
    @Column(name = "practitioner_id")
    public Long practitionerId;

    public long version;
}
