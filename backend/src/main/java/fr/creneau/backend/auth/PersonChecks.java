package fr.creneau.backend.auth;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.TimeText;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What the backend checks about a person beyond shared-model's syntax rules (which the app checks too): that a
 * phone number exists in its country's numbering plan, and that a birth date is plausible. Public so that every
 * place that stores a patient applies the same rules.
 */
public final class PersonChecks {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Most numbers are French; a number with a leading + carries its own country. */
    private static final String DEFAULT_REGION = "FR";
    private static final LocalDate OLDEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private PersonChecks() {
    }

    /** The number in E.164 form, or null when it is not a valid number. */
    public static String e164(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw, DEFAULT_REGION);
            return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** Adds invalid_phone unless shared-model's validation already rejected the field. */
    public static void phone(List<FieldError> errors, String field, String raw) {
        if (raw != null && !hasError(errors, field) && e164(raw) == null) {
            errors.add(new FieldError(field, "invalid_phone", "is not a valid phone number"));
        }
    }

    /** Adds an error when the birth date is in the future or implausibly old. */
    public static void birthDate(List<FieldError> errors, String field, String value) {
        if (value == null || hasError(errors, field) || !TimeText.isDate(value)) {
            return;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "invalid_date", "must be a date such as 2026-03-29"));
            return;
        }
        // The last time zone to reach a date: a child born today anywhere on Earth is not "in the future".
        if (date.isAfter(LocalDate.now(ZoneOffset.MAX))) {
            errors.add(new FieldError(field, "future_date", "must not be in the future"));
        } else if (date.isBefore(OLDEST_BIRTH_DATE)) {
            errors.add(new FieldError(field, "out_of_range", "must be after 1900-01-01"));
        }
    }

    private static boolean hasError(List<FieldError> errors, String field) {
        for (FieldError e : errors) {
            if (field.equals(e.field)) {
                return true;
            }
        }
        return false;
    }
}
