package fr.creneau.model.triage;

/** What a patient writes about. Each type has its own required answers (see {@link TriageAnswers#validate()}). */
public enum RequestType {
    PRESCRIPTION_RENEWAL,
    NEW_SYMPTOMS,
    TEST_RESULTS,
    PAPERWORK,
    APPOINTMENT_QUESTION
}
