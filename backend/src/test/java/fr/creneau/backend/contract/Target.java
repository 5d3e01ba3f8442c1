package fr.creneau.backend.contract;

/**
 * Which object a call names: the caller's own (their practice, their appointment, their own agenda), a foreign
 * one (another practice's, or for a patient another patient's), or an id that exists nowhere.
 */
enum Target {
    OWN, FOREIGN, MISSING
}
