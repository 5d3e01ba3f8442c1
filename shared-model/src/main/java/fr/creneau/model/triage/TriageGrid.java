package fr.creneau.model.triage;

import fr.creneau.model.rules.TimeText;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decides how soon a request needs a clinician: EMERGENCY, URGENT (same day) or ROUTINE. The app runs it while
 * the patient types, and the server runs it again on receipt, so both always agree. The red flags are data: the
 * built-in list below, plus the practice's own flags passed to {@link #withExtraFlags(List)}.
 *
 * <p>Order of the rules: any red flag (ticked, or raised by a measured fever at an age it concerns) makes an
 * EMERGENCY, whatever the type. Otherwise new symptoms are URGENT with a temperature of 39.0 °C or more, a severe
 * rating, an infant under 6 months with 38.0 °C or more, or a child under 6 years whose symptoms began today;
 * test results the laboratory marked urgent are URGENT. Everything else is ROUTINE. Temperatures are compared in
 * tenths of a degree, so 37.95 counts as 38.0 and floating point never decides a boundary.</p>
 */
public final class TriageGrid {
    public static final String NUMBER_SAMU = "15";
    public static final String NUMBER_EUROPE = "112";
    public static final int URGENT_TEMPERATURE_TENTHS = 390;
    public static final int FEVER_TENTHS = 380;
    /** A child under this many full months whose symptoms began today is seen the same day. */
    public static final int CHILD_MONTHS = 72;
    /** An infant under this many full months with a fever is seen the same day (under 3 months: emergency). */
    public static final int YOUNG_INFANT_MONTHS = 6;

    public static final String CHEST_PAIN = "chest_pain";
    public static final String BREATHING_DIFFICULTY = "breathing_difficulty";
    public static final String STROKE_FACE = "stroke_face_drooping";
    public static final String STROKE_ARM = "stroke_arm_weakness";
    public static final String STROKE_SPEECH = "stroke_speech_trouble";
    public static final String INFANT_FEVER = "infant_fever";
    public static final String LOSS_OF_CONSCIOUSNESS = "loss_of_consciousness";
    public static final String SEVERE_BLEEDING = "severe_bleeding";
    public static final String SUICIDAL_THOUGHTS = "suicidal_thoughts";
    public static final String SEIZURE = "seizure";
    public static final String ANAPHYLAXIS = "allergic_swelling";
    public static final String SUDDEN_HEADACHE = "sudden_severe_headache";
    public static final String FEVER_WITH_RASH = "fever_with_purple_rash";

    private final List<RedFlag> flags;

    private TriageGrid(List<RedFlag> flags) {
        this.flags = Collections.unmodifiableList(flags);
    }

    /** The built-in red flags only. */
    public static TriageGrid standard() {
        return new TriageGrid(builtInFlags());
    }

    /** The built-in flags, then the practice's extra ones; an extra flag cannot replace a built-in code. */
    public TriageGrid withExtraFlags(List<RedFlag> extra) {
        List<RedFlag> all = new ArrayList<RedFlag>(flags);
        if (extra != null) {
            for (int i = 0; i < extra.size(); i++) {
                RedFlag f = extra.get(i);
                if (f != null && f.code != null && flag(f.code) == null) {
                    all.add(f);
                }
            }
        }
        return new TriageGrid(all);
    }

    public List<RedFlag> flags() {
        return flags;
    }

    public RedFlag flag(String code) {
        for (int i = 0; i < flags.size(); i++) {
            if (flags.get(i).code.equals(code)) {
                return flags.get(i);
            }
        }
        return null;
    }

    /** The flags the composer should show for a patient of this age (unknown age: all of them). */
    public List<RedFlag> flagsFor(Integer ageMonths) {
        List<RedFlag> out = new ArrayList<RedFlag>();
        for (int i = 0; i < flags.size(); i++) {
            if (flags.get(i).appliesTo(ageMonths)) {
                out.add(flags.get(i));
            }
        }
        return out;
    }

    /**
     * @param ageMonths the patient's age in full months, or null when unknown (a caller not yet identified)
     * @param today     the practice's date (YYYY-MM-DD), to recognise symptoms that began today; may be null
     */
    public TriageResult evaluate(TriageAnswers a, Integer ageMonths, String today) {
        TriageResult r = new TriageResult();
        collectRedFlags(a, ageMonths, r);
        if (!r.raisedFlags.isEmpty()) {
            r.priority = Priority.EMERGENCY;
            r.reasons.add(TriageResult.REASON_RED_FLAG);
            r.emergencyNumbers.add(NUMBER_SAMU);
            r.emergencyNumbers.add(NUMBER_EUROPE);
            for (int i = 0; i < r.raisedFlags.size(); i++) {
                String extra = r.raisedFlags.get(i).extraNumber;
                if (extra != null && !r.emergencyNumbers.contains(extra)) {
                    r.emergencyNumbers.add(extra);
                }
            }
            return r;
        }
        if (a.type == RequestType.NEW_SYMPTOMS) {
            int t = a.temperature == null ? 0 : tenths(a.temperature);
            if (t >= URGENT_TEMPERATURE_TENTHS) {
                r.reasons.add(TriageResult.REASON_HIGH_TEMPERATURE);
            }
            if (a.severity == Severity.SEVERE) {
                r.reasons.add(TriageResult.REASON_SEVERE);
            }
            if (ageMonths != null && ageMonths.intValue() < YOUNG_INFANT_MONTHS && t >= FEVER_TENTHS) {
                r.reasons.add(TriageResult.REASON_YOUNG_INFANT_FEVER);
            }
            if (ageMonths != null && ageMonths.intValue() < CHILD_MONTHS && today != null && today.equals(a.since)) {
                r.reasons.add(TriageResult.REASON_CHILD_SAME_DAY);
            }
        } else if (a.type == RequestType.TEST_RESULTS && a.resultsMarkedUrgent) {
            r.reasons.add(TriageResult.REASON_RESULTS_MARKED_URGENT);
        }
        r.priority = r.reasons.isEmpty() ? Priority.ROUTINE : Priority.URGENT;
        return r;
    }

    private void collectRedFlags(TriageAnswers a, Integer ageMonths, TriageResult r) {
        // Ticked codes the grid does not know (a flag the practice removed meanwhile) still stop the message:
        // the patient saw them as emergencies.
        if (a.redFlags != null) {
            for (int i = 0; i < a.redFlags.size(); i++) {
                String code = a.redFlags.get(i);
                RedFlag f = flag(code);
                if (f == null) {
                    f = new RedFlag(code, code, code);
                }
                if (f.appliesTo(ageMonths) && !contains(r.raisedFlags, code)) {
                    r.raisedFlags.add(f);
                }
            }
        }
        for (int i = 0; i < flags.size(); i++) {
            RedFlag f = flags.get(i);
            if (f.raisedBy(a.temperature, ageMonths) && !contains(r.raisedFlags, f.code)) {
                r.raisedFlags.add(f);
            }
        }
    }

    private static boolean contains(List<RedFlag> list, String code) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).code.equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** A temperature in tenths of a degree, rounded half up: 37.95 gives 380. */
    public static int tenths(Double celsius) {
        return (int) Math.floor(celsius.doubleValue() * 10 + 0.5 + 1e-9);
    }

    /**
     * Full months between a birth date and today (both YYYY-MM-DD): born 2026-01-15, it is 2 on 2026-04-14 and
     * 3 on 2026-04-15. A birth on the 31st completes its month on the last day of a shorter month. Null when a
     * date is missing or malformed.
     */
    public static Integer ageInMonths(String birthDate, String today) {
        if (!TimeText.isDate(birthDate) || !TimeText.isDate(today)) {
            return null;
        }
        int by = num(birthDate, 0, 4);
        int bm = num(birthDate, 5, 7);
        int bd = num(birthDate, 8, 10);
        int ty = num(today, 0, 4);
        int tm = num(today, 5, 7);
        int td = num(today, 8, 10);
        int months = (ty - by) * 12 + (tm - bm);
        if (td < bd && td < lastDay(ty, tm)) {
            months--;
        }
        return Integer.valueOf(months < 0 ? 0 : months);
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s.substring(from, to));
    }

    private static int lastDay(int y, int m) {
        if (m == 2) {
            return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
        }
        return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
    }

    private static List<RedFlag> builtInFlags() {
        List<RedFlag> l = new ArrayList<RedFlag>();
        l.add(builtIn(CHEST_PAIN, "Douleur ou oppression dans la poitrine", "Chest pain or tightness"));
        l.add(builtIn(BREATHING_DIFFICULTY, "Difficulté à respirer, essoufflement au repos",
                "Difficulty breathing, short of breath at rest"));
        l.add(builtIn(STROKE_FACE, "Visage qui s'affaisse d'un côté, bouche déviée", "Face drooping on one side"));
        l.add(builtIn(STROKE_ARM, "Faiblesse ou engourdissement soudain d'un bras ou d'une jambe",
                "Sudden weakness or numbness of an arm or a leg"));
        l.add(builtIn(STROKE_SPEECH, "Difficulté soudaine à parler ou à comprendre",
                "Sudden trouble speaking or understanding"));
        RedFlag infant = builtIn(INFANT_FEVER, "Bébé de moins de 3 mois avec une fièvre de 38 °C ou plus",
                "Baby under 3 months with a temperature of 38 °C or more");
        infant.maxAgeMonths = Integer.valueOf(3);
        infant.minTemperature = Double.valueOf(38.0);
        l.add(infant);
        l.add(builtIn(LOSS_OF_CONSCIOUSNESS, "Perte de connaissance, malaise", "Loss of consciousness, fainting"));
        l.add(builtIn(SEVERE_BLEEDING, "Saignement abondant qui ne s'arrête pas", "Heavy bleeding that does not stop"));
        RedFlag suicide = builtIn(SUICIDAL_THOUGHTS, "Idées suicidaires", "Thoughts of suicide");
        suicide.extraNumber = "3114";
        l.add(suicide);
        l.add(builtIn(SEIZURE, "Convulsions", "Seizure, convulsions"));
        l.add(builtIn(ANAPHYLAXIS, "Gonflement du visage, des lèvres ou de la gorge",
                "Swelling of the face, lips or throat"));
        l.add(builtIn(SUDDEN_HEADACHE, "Mal de tête brutal et très intense", "Sudden, very severe headache"));
        l.add(builtIn(FEVER_WITH_RASH, "Fièvre avec des taches rouges ou violacées qui ne s'effacent pas",
                "Fever with red or purple spots that do not fade when pressed"));
        return l;
    }

    private static RedFlag builtIn(String code, String fr, String en) {
        RedFlag f = new RedFlag(code, fr, en);
        f.builtIn = true;
        return f;
    }
}
