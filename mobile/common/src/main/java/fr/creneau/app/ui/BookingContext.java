package fr.creneau.app.ui;

import com.codename1.ui.Form;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.MotiveDto;
import fr.creneau.model.api.PatientDto;
import fr.creneau.model.api.PracticeDto;
import fr.creneau.model.api.PractitionerDto;
import fr.creneau.model.api.SlotDto;
import fr.creneau.model.rules.Channel;

/** What a booking (or a move) has gathered so far, screen after screen. */
public class BookingContext {
    /**
     * Who it is for: chosen on the confirmation screen by a patient (preselected there when already known, as after
     * an urgent request about a relative), before the search by a secretary.
     */
    public PatientDto patient;
    public Channel channel = Channel.ONLINE;
    /** Set when moving an existing appointment rather than booking a new one. */
    public AppointmentDto moving;
    public PractitionerDto practitioner;
    public PracticeDto practice;
    public MotiveDto motive;
    public SlotDto slot;
    /** Practice to search in (staff book in their own practice). */
    public Long practiceId;
    public boolean staff;
    /** Set when the slot chosen was taken meanwhile: the slots screen reloads when shown again. */
    public boolean slotsStale;

    public String timezone() {
        if (practice != null && practice.timezone != null) {
            return practice.timezone;
        }
        return moving != null && moving.timezone != null ? moving.timezone : "Europe/Paris";
    }
}
