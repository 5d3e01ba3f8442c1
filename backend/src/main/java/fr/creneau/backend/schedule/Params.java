package fr.creneau.backend.schedule;

import fr.creneau.backend.platform.ProblemException;
import fr.creneau.model.rules.TimeText;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Query and body texts turned into java.time at the edge; a bad one answers 400 naming the field. */
final class Params {
    private Params() {
    }

    static LocalDate date(String field, String text, boolean required) {
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

    static long id(String field, String text) {
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

    static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw ProblemException.invalid(field, "invalid_datetime",
                    "must be a date and time with offset such as 2026-03-29T09:00:00Z");
        }
    }
}
