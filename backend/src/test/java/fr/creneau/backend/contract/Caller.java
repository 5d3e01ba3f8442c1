package fr.creneau.backend.contract;

/** Who calls, in the authorization matrix. Staff callers all belong to practice A of the {@link World}. */
enum Caller {
    ANONYMOUS, PATIENT, PRACTITIONER, SECRETARY, PRACTICE_ADMIN
}
