package fr.creneau.backend.practice;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.ZoneId;
/** A solo cabinet or a multi-practitioner centre. */
@Entity
@Table(name = "practice")
public class Practice extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public String timezone;
    public String phone;
    @Column(name = "emergency_number")
    public String emergencyNumber;
    @Column(name = "reachable_hours")
    public String reachableHours;
    public String substitute;
    @Column(name = "cancellation_cutoff_hours")
    public int cancellationCutoffHours = 24;
    /** Online bookings start at least this long from now. */
    @Column(name = "min_notice_minutes")
    public int minNoticeMinutes = 60;
    /** How far ahead slots are offered. */
    @Column(name = "horizon_days")
    public int horizonDays = 90;

    /** After this many unexcused no-shows a patient books through the secretariat; null: no rule (noshow package). */
    @Column(name = "max_unexcused_no_shows")
    public Integer maxUnexcusedNoShows;

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }
}
