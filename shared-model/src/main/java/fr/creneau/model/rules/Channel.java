package fr.creneau.model.rules;

/** How an appointment was booked: by the patient online, or by the secretariat on the phone or at the desk. */
public enum Channel {
    ONLINE,
    PHONE,
    DESK
}
