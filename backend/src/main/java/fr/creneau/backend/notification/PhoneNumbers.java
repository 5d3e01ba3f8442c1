package fr.creneau.backend.notification;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/** Phone numbers as SMS providers want them: E.164. A French practice's patients often type 06 12 34 56 78. */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number in E.164 ({@code +33612345678}) if it is a valid number that can take an SMS, else null. */
    public static String toE164(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber n = UTIL.parse(raw, "FR");
            if (!UTIL.isValidNumber(n)) {
                return null;
            }
            PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(n);
            if (type != PhoneNumberUtil.PhoneNumberType.MOBILE
                    && type != PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                return null;
            }
            return UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
