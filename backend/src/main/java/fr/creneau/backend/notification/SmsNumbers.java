package fr.creneau.backend.notification;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import fr.creneau.backend.patient.PhoneNumbers;

/** Which stored numbers can take an SMS: valid (the patient package's rule, E.164) and mobile. */
public final class SmsNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private SmsNumbers() {
    }

    /** The number in E.164 ({@code +33612345678}) if it is a valid mobile number, else null. */
    public static String mobileE164(String raw) {
        String e164 = PhoneNumbers.toE164(raw);
        if (e164 == null) {
            return null;
        }
        try {
            PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(UTIL.parse(e164, null));
            return type == PhoneNumberUtil.PhoneNumberType.MOBILE || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE
                    ? e164 : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
