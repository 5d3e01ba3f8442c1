package fr.creneau.model.triage;

/** How bad the patient says new symptoms are. */
public enum Severity {
    MILD,
    MODERATE,
    SEVERE
}
