package fr.creneau.backend.platform;

import fr.creneau.model.rules.TimeText;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Query and body texts turned into java.time at the edge; a bad one answers 400 naming the field. */
public final class Params {
    private Params() {
    }

    public static LocalDate date(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw ProblemException.invalid(field, "required", "is required");
            }
            return null;
        }
        if (!TimeText.isDate(text)) {
            throw ProblemException.invalid(field, "invalid_date", "must be a date such as 2026-03-29");
        }
        return LocalDate.parse(text);
    }

    public static long id(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(field, "required", "is required");
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v <= 0) {
                throw ProblemException.invalid(field, "invalid_id", "must be a positive id");
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "invalid_id", "must be a positive id");
        }
    }

    /** An optional id: absent is null, malformed is a 400 naming the field (not the 404 JAX-RS would answer). */
    public static Long optionalId(String field, String text) {
        return text == null || text.isBlank() ? null : id(field, text);
    }

    /** An optional whole number within bounds, with a default when absent. */
    public static int optionalInt(String field, String text, int dflt, int min, int max) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(text.trim());
            if (v < min || v > max) {
                throw ProblemException.invalid(field, "out_of_range", "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "invalid_number", "must be a whole number");
        }
    }

    public static Instant instant(String field, String text) {
        // The wire format first (years 1900-2999): java.time alone accepts years no calendar arithmetic survives
        if (!TimeText.isInstant(text)) {
            throw ProblemException.invalid(field, "invalid_datetime",
                    "must be a date and time with offset such as 2026-03-29T09:00:00Z");
        }
        return OffsetDateTime.parse(text).toInstant();
    }
}
