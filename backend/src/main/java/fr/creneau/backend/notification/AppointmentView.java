package fr.creneau.backend.notification;

import fr.creneau.model.rules.AppointmentStatus;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a message may say about an appointment: where and when. {@code motiveLabel} is null unless the practice
 * opted the motive in (motive.show_in_reminders): a label such as "IVG" or "dépistage VIH" must not sit on a
 * lock screen.
 */
public record AppointmentView(long id, AppointmentStatus status, Instant startsAt, Instant endsAt, String practiceName,
                              String practicePhone, ZoneId zone, String address, String motiveLabel) {
}
