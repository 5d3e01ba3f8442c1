package fr.creneau.backend.notification;

import fr.creneau.model.rules.AppointmentStatus;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a message may say about an appointment: where and when. {@code motiveLabel} (French) and
 * {@code motiveLabelEn} are null unless the practice opted the motive in (motive.show_in_reminders): a label such
 * as "IVG" or "dépistage VIH" must not sit on a lock screen.
 */
public record AppointmentView(long id, AppointmentStatus status, Instant startsAt, Instant endsAt, String practiceName,
                              String practicePhone, ZoneId zone, String address, String motiveLabel, String motiveLabelEn) {

    /** Without an English label: English messages then show the French one. */
    public AppointmentView(long id, AppointmentStatus status, Instant startsAt, Instant endsAt, String practiceName,
                           String practicePhone, ZoneId zone, String address, String motiveLabel) {
        this(id, status, startsAt, endsAt, practiceName, practicePhone, zone, address, motiveLabel, motiveLabel);
    }

    /** The opted-in motive label in the reader's language, or null. */
    public String motiveLabel(Language lang) {
        return lang == Language.EN && motiveLabelEn != null ? motiveLabelEn : motiveLabel;
    }
}
