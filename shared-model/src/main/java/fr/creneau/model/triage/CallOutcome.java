package fr.creneau.model.triage;

/** How a telesecretariat call ended. Exactly one per call. */
public enum CallOutcome {
    /** An appointment was booked (its id is recorded). */
    BOOKED,
    /** A structured message (channel PHONE) was left for the practitioner. */
    MEMO,
    /** Passed on to the practitioner at once; their app is alerted live. */
    URGENT_TRANSFER,
    ADVICE_GIVEN,
    /** Put on the practice's waitlist during the call (the entry's id is recorded). */
    WAITLISTED
}
