package fr.creneau.backend.patient;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/** Phone numbers as stored and compared: E.164, with French national numbers (06 12 34 56 78) accepted. */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The E.164 form, or null when the text is not a valid number. */
    public static String toE164(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber n = UTIL.parse(text, "FR");
            return UTIL.isValidNumber(n) ? UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
