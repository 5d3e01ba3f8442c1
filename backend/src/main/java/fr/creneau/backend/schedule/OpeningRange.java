package fr.creneau.backend.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
/** Hours a practitioner receives at a site, in the practice's local time. */
@Entity
@Table(name = "opening_range")
public class OpeningRange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "practitioner_id")
    public Long practitionerId;
    @Column(name = "site_id")
    public Long siteId;
    /** ISO day of week (1 = Monday) of a weekly range; null for a one-off range. */
    @Column(name = "day_of_week")
    public Short dayOfWeek;
    /** The date of a one-off extra opening; null for a weekly range. */
    @Column(name = "on_date")
    public LocalDate onDate;
    @Column(name = "start_time")
    public LocalTime startTime;
    @Column(name = "end_time")
    public LocalTime endTime;
    @Column(name = "urgency_reserve")
    public boolean urgencyReserve;
    @Column(name = "release_minutes_before")
    public int releaseMinutesBefore = 120;
    @Column(name = "motive_ids")
    public Long[] motiveIds;

    public boolean accepts(long motiveId) {
        for (Long m : motiveIds) {
            if (m == motiveId) {
                return true;
            }
        }
        return false;
    }

    public boolean appliesTo(LocalDate date) {
        return onDate != null ? onDate.equals(date) : dayOfWeek == date.getDayOfWeek().getValue();
    }
}
