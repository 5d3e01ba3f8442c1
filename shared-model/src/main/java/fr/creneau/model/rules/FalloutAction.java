package fr.creneau.model.rules;

/**
 * What the staff do with an appointment that a practitioner's absence overlaps: keep it (they will call), cancel
 * it and tell the patient, or cancel it and propose the nearest free slots for the patient to pick one.
 */
public enum FalloutAction {
    KEEP,
    CANCEL,
    PROPOSE
}
