package fr.creneau.model.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Field rules that the app checks before sending and the backend checks again on receipt. Collects every error
 * of a document rather than stopping at the first, so a form can mark all its wrong fields at once.
 */
public class Validator {
    public static final int NAME_MAX = 100;
    public static final int TEXT_MAX = 2000;
    public static final int PASSWORD_MIN = 10;
    public static final int PASSWORD_MAX = 128;
    public static final int EMAIL_MAX = 254;

    private final List<FieldError> errors = new ArrayList<FieldError>();

    public List<FieldError> errors() {
        return errors;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public Validator error(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
        return this;
    }

    public boolean required(String field, Object value) {
        if (value == null || (value instanceof String && ((String) value).trim().length() == 0)) {
            error(field, "required", "is required");
            return false;
        }
        return true;
    }

    public Validator maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            error(field, "too_long", "must be at most " + max + " characters");
        }
        return this;
    }

    public Validator name(String field, String value) {
        if (required(field, value)) {
            maxLength(field, value, NAME_MAX);
        }
        return this;
    }

    public Validator email(String field, String value, boolean required) {
        if (value == null && !required) {
            return this;
        }
        if (required(field, value) && !isEmail(value)) {
            error(field, "invalid_email", "is not an email address");
        }
        return this;
    }

    public Validator phone(String field, String value, boolean required) {
        if (value == null && !required) {
            return this;
        }
        if (required(field, value) && !isE164(value)) {
            error(field, "invalid_phone", "must be an international number such as +33612345678");
        }
        return this;
    }

    public Validator password(String field, String value) {
        if (required(field, value)) {
            if (value.length() < PASSWORD_MIN) {
                error(field, "weak_password", "must be at least " + PASSWORD_MIN + " characters");
            } else if (value.length() > PASSWORD_MAX) {
                error(field, "too_long", "must be at most " + PASSWORD_MAX + " characters");
            }
        }
        return this;
    }

    public Validator date(String field, String value, boolean required) {
        if (value == null && !required) {
            return this;
        }
        if (required(field, value) && !TimeText.isDate(value)) {
            error(field, "invalid_date", "must be a date such as 2026-03-29");
        }
        return this;
    }

    public Validator instant(String field, String value, boolean required) {
        if (value == null && !required) {
            return this;
        }
        if (required(field, value) && !TimeText.isInstant(value)) {
            error(field, "invalid_datetime", "must be a date and time with offset such as 2026-03-29T09:00:00Z");
        }
        return this;
    }

    public Validator time(String field, String value) {
        if (required(field, value) && !TimeText.isTime(value)) {
            error(field, "invalid_time", "must be a time such as 08:30");
        }
        return this;
    }

    public Validator positive(String field, Number value) {
        if (required(field, value) && value.longValue() <= 0) {
            error(field, "must_be_positive", "must be greater than zero");
        }
        return this;
    }

    public Validator range(String field, Number value, long min, long max) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            error(field, "out_of_range", "must be between " + min + " and " + max);
        }
        return this;
    }

    public static boolean isEmail(String s) {
        if (s == null || s.length() > EMAIL_MAX) {
            return false;
        }
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') {
                return false;
            }
        }
        String domain = s.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        return dot > 0 && dot < domain.length() - 2 && domain.indexOf("..") < 0;
    }

    /** E.164 syntax: a plus, a non-zero digit, 7 to 14 more digits. The backend also checks the number plan. */
    public static boolean isE164(String s) {
        if (s == null || s.length() < 9 || s.length() > 16 || s.charAt(0) != '+' || s.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
