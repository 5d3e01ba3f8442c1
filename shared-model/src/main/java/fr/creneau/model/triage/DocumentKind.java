package fr.creneau.model.triage;

/** A paperwork request is either a medical certificate or other paperwork (forms, attestations). */
public enum DocumentKind {
    CERTIFICATE,
    PAPERWORK
}
