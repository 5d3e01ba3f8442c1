package fr.creneau.model.triage;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TriageGridTest {
    private static final String TODAY = "2026-03-30";
    private static final String YESTERDAY = "2026-03-29";
    private static final Integer ADULT = 40 * 12;
    private static final TriageGrid GRID = TriageGrid.standard();

    static TriageAnswers valid(RequestType type) {
        TriageAnswers a = new TriageAnswers();
        a.type = type;
        switch (type) {
            case PRESCRIPTION_RENEWAL -> {
                a.medication = "Lévothyrox 50";
                a.since = "2024-01-10";
            }
            case NEW_SYMPTOMS -> {
                a.symptoms = "Toux";
                a.since = YESTERDAY;
                a.severity = Severity.MILD;
            }
            case TEST_RESULTS -> a.testName = "Bilan sanguin";
            case PAPERWORK -> {
                a.documentKind = DocumentKind.CERTIFICATE;
                a.purpose = "Licence de football";
            }
            case APPOINTMENT_QUESTION -> a.question = "Faut-il être à jeun ?";
        }
        return a;
    }

    static TriageAnswers symptoms(Double temperature, Severity severity, String since) {
        TriageAnswers a = valid(RequestType.NEW_SYMPTOMS);
        a.temperature = temperature;
        a.severity = severity;
        a.since = since;
        return a;
    }

    static Stream<Arguments> everyFlagWithEveryType() {
        List<Arguments> out = new ArrayList<>();
        for (RedFlag f : GRID.flags()) {
            for (RequestType t : RequestType.values()) {
                out.add(Arguments.of(f.code, t));
            }
        }
        return out.stream();
    }

    @Nested
    class RedFlags {
        @Test
        void theBuiltInListHasEverySignTheIssueNames() {
            assertThat(GRID.flags()).extracting(f -> f.code).contains(
                    TriageGrid.CHEST_PAIN, TriageGrid.BREATHING_DIFFICULTY, TriageGrid.STROKE_FACE,
                    TriageGrid.STROKE_ARM, TriageGrid.STROKE_SPEECH, TriageGrid.INFANT_FEVER,
                    TriageGrid.LOSS_OF_CONSCIOUSNESS, TriageGrid.SEVERE_BLEEDING, TriageGrid.SUICIDAL_THOUGHTS);
            assertThat(GRID.flags()).allSatisfy(f -> {
                assertThat(f.builtIn).isTrue();
                assertThat(f.labelFr).isNotBlank();
                assertThat(f.labelEn).isNotBlank().isNotEqualTo(f.labelFr);
                assertThat(f.validate()).isEmpty();
            });
            assertThat(GRID.flags()).extracting(f -> f.code).doesNotHaveDuplicates();
        }

        @ParameterizedTest(name = "{0} in {1}")
        @MethodSource("fr.creneau.model.triage.TriageGridTest#everyFlagWithEveryType")
        void everyTickedFlagIsAnEmergencyWhateverTheType(String code, RequestType type) {
            TriageAnswers a = valid(type);
            a.redFlags.add(code);
            // the infant flag concerns babies only: tick it for one
            Integer age = TriageGrid.INFANT_FEVER.equals(code) ? 1 : ADULT;
            TriageResult r = GRID.evaluate(a, age, TODAY);
            assertThat(r.priority).isEqualTo(Priority.EMERGENCY);
            assertThat(r.reasons).containsExactly(TriageResult.REASON_RED_FLAG);
            assertThat(r.raisedFlags).extracting(f -> f.code).containsExactly(code);
            assertThat(r.emergencyNumbers).startsWith("15", "112");
            assertThat(r.isEmergency()).isTrue();
        }

        @Test
        void withoutAFlagNoTypeIsAnEmergency() {
            for (RequestType t : RequestType.values()) {
                assertThat(GRID.evaluate(valid(t), ADULT, TODAY).priority).as(t.name()).isNotEqualTo(Priority.EMERGENCY);
            }
        }

        @Test
        void suicidalThoughtsAlsoGiveTheSuicidePreventionNumber() {
            TriageAnswers a = valid(RequestType.NEW_SYMPTOMS);
            a.redFlags.add(TriageGrid.SUICIDAL_THOUGHTS);
            assertThat(GRID.evaluate(a, ADULT, TODAY).emergencyNumbers).containsExactly("15", "112", "3114");
            TriageAnswers chest = valid(RequestType.NEW_SYMPTOMS);
            chest.redFlags.add(TriageGrid.CHEST_PAIN);
            assertThat(GRID.evaluate(chest, ADULT, TODAY).emergencyNumbers).containsExactly("15", "112");
        }

        @Test
        void severalFlagsAreAllReportedOnce() {
            TriageAnswers a = valid(RequestType.NEW_SYMPTOMS);
            a.redFlags.add(TriageGrid.STROKE_FACE);
            a.redFlags.add(TriageGrid.STROKE_SPEECH);
            a.redFlags.add(TriageGrid.STROKE_FACE);
            assertThat(GRID.evaluate(a, ADULT, TODAY).raisedFlags).extracting(f -> f.code)
                    .containsExactly(TriageGrid.STROKE_FACE, TriageGrid.STROKE_SPEECH);
        }

        @Test
        void anUnknownTickedCodeStillStopsTheMessage() {
            TriageAnswers a = valid(RequestType.PAPERWORK);
            a.redFlags.add("flag_removed_meanwhile");
            assertThat(GRID.evaluate(a, ADULT, TODAY).priority).isEqualTo(Priority.EMERGENCY);
        }
    }

    @Nested
    class InfantFever {
        @ParameterizedTest(name = "{0} months, {1} °C -> {2}")
        @CsvSource({
                "0, 38.0, EMERGENCY",
                "2, 38.0, EMERGENCY",
                "2, 37.95, EMERGENCY",
                "2, 37.9, ROUTINE",
                "2, 40.5, EMERGENCY",
                "3, 38.0, URGENT",
                "5, 38.0, URGENT",
                "5, 37.9, ROUTINE",
                "6, 38.0, ROUTINE",
                "6, 38.9, ROUTINE",
                "6, 39.0, URGENT",
        })
        void theMeasuredTemperatureAloneDecides(int months, double temperature, Priority expected) {
            TriageResult r = GRID.evaluate(symptoms(temperature, Severity.MILD, YESTERDAY), months, TODAY);
            assertThat(r.priority).isEqualTo(expected);
            if (expected == Priority.EMERGENCY) {
                assertThat(r.raisedFlags).extracting(f -> f.code).containsExactly(TriageGrid.INFANT_FEVER);
            }
        }

        @Test
        void theThreeMonthBoundaryFollowsTheBirthDate() {
            String birth = "2026-01-15";
            TriageAnswers fever = symptoms(38.0, Severity.MILD, "2026-04-13");
            assertThat(GRID.evaluate(fever, TriageGrid.ageInMonths(birth, "2026-04-14"), "2026-04-14").priority)
                    .isEqualTo(Priority.EMERGENCY);
            assertThat(GRID.evaluate(fever, TriageGrid.ageInMonths(birth, "2026-04-15"), "2026-04-15").priority)
                    .isEqualTo(Priority.URGENT);
        }

        @Test
        void anUnknownAgeDoesNotRaiseTheAgeBoundFlagByItself() {
            assertThat(GRID.evaluate(symptoms(38.5, Severity.MILD, YESTERDAY), null, TODAY).priority)
                    .isEqualTo(Priority.ROUTINE);
        }

        @Test
        void anAdultTickingTheInfantFlagIsNotAnEmergency() {
            TriageAnswers a = symptoms(38.5, Severity.MILD, YESTERDAY);
            a.redFlags.add(TriageGrid.INFANT_FEVER);
            assertThat(GRID.evaluate(a, ADULT, TODAY).priority).isEqualTo(Priority.ROUTINE);
            assertThat(GRID.flagsFor(ADULT)).extracting(f -> f.code).doesNotContain(TriageGrid.INFANT_FEVER);
            assertThat(GRID.flagsFor(1)).extracting(f -> f.code).contains(TriageGrid.INFANT_FEVER);
            assertThat(GRID.flagsFor(null)).hasSameSizeAs(GRID.flags());
        }
    }

    @Nested
    class Urgent {
        @ParameterizedTest(name = "{0} °C -> {1}")
        @CsvSource({"38.9, ROUTINE", "38.94, ROUTINE", "38.95, URGENT", "39.0, URGENT", "41.2, URGENT"})
        void aTemperatureOf39OrMoreIsUrgent(double temperature, Priority expected) {
            TriageResult r = GRID.evaluate(symptoms(temperature, Severity.MILD, YESTERDAY), ADULT, TODAY);
            assertThat(r.priority).isEqualTo(expected);
            assertThat(r.hasReason(TriageResult.REASON_HIGH_TEMPERATURE)).isEqualTo(expected == Priority.URGENT);
        }

        @ParameterizedTest
        @EnumSource(Severity.class)
        void onlyASevereRatingIsUrgent(Severity severity) {
            TriageResult r = GRID.evaluate(symptoms(null, severity, YESTERDAY), ADULT, TODAY);
            assertThat(r.priority).isEqualTo(severity == Severity.SEVERE ? Priority.URGENT : Priority.ROUTINE);
        }

        @ParameterizedTest(name = "{0} months, since {1} -> {2}")
        @CsvSource({
                "71, 2026-03-30, URGENT",
                "72, 2026-03-30, ROUTINE",
                "71, 2026-03-29, ROUTINE",
                "12, 2026-03-30, URGENT",
        })
        void aYoungChildWhoseSymptomsBeganTodayIsSeenToday(int months, String since, Priority expected) {
            TriageResult r = GRID.evaluate(symptoms(null, Severity.MILD, since), months, TODAY);
            assertThat(r.priority).isEqualTo(expected);
            assertThat(r.hasReason(TriageResult.REASON_CHILD_SAME_DAY)).isEqualTo(expected == Priority.URGENT);
        }

        @Test
        void anAdultWhoseSymptomsBeganTodayIsRoutine() {
            assertThat(GRID.evaluate(symptoms(null, Severity.MODERATE, TODAY), ADULT, TODAY).priority)
                    .isEqualTo(Priority.ROUTINE);
        }

        @Test
        void reasonsAccumulate() {
            TriageResult r = GRID.evaluate(symptoms(39.5, Severity.SEVERE, TODAY), 24, TODAY);
            assertThat(r.reasons).containsExactly(TriageResult.REASON_HIGH_TEMPERATURE, TriageResult.REASON_SEVERE,
                    TriageResult.REASON_CHILD_SAME_DAY);
            assertThat(r.emergencyNumbers).isEmpty();
        }

        @Test
        void testResultsTheLaboratoryMarkedUrgentAreUrgent() {
            TriageAnswers a = valid(RequestType.TEST_RESULTS);
            assertThat(GRID.evaluate(a, ADULT, TODAY).priority).isEqualTo(Priority.ROUTINE);
            a.resultsMarkedUrgent = true;
            TriageResult r = GRID.evaluate(a, ADULT, TODAY);
            assertThat(r.priority).isEqualTo(Priority.URGENT);
            assertThat(r.reasons).containsExactly(TriageResult.REASON_RESULTS_MARKED_URGENT);
        }
    }

    @Nested
    class Routine {
        @ParameterizedTest
        @EnumSource(value = RequestType.class, names = {"PRESCRIPTION_RENEWAL", "PAPERWORK", "APPOINTMENT_QUESTION", "TEST_RESULTS"})
        void nonSymptomRequestsAreRoutine(RequestType type) {
            TriageResult r = GRID.evaluate(valid(type), ADULT, TODAY);
            assertThat(r.priority).isEqualTo(Priority.ROUTINE);
            assertThat(r.reasons).isEmpty();
        }

        @Test
        void feverAndSeverityOnlyCountForNewSymptoms() {
            TriageAnswers a = valid(RequestType.PRESCRIPTION_RENEWAL);
            a.temperature = 39.5;
            a.severity = Severity.SEVERE;
            a.resultsMarkedUrgent = true;
            assertThat(GRID.evaluate(a, 12, TODAY).priority).isEqualTo(Priority.ROUTINE);
        }

        @Test
        void aBabysPrescriptionRenewalWithFeverStillRaisesTheInfantFlag() {
            TriageAnswers a = valid(RequestType.PRESCRIPTION_RENEWAL);
            a.temperature = 38.2;
            assertThat(GRID.evaluate(a, 1, TODAY).priority).isEqualTo(Priority.EMERGENCY);
        }
    }

    @Nested
    class PracticeFlags {
        @Test
        void aPracticeFlagIsAnEmergencyWhenTicked() {
            RedFlag own = new RedFlag("pregnancy_bleeding", "Saignement pendant la grossesse", "Bleeding during pregnancy");
            TriageGrid grid = GRID.withExtraFlags(List.of(own));
            assertThat(grid.flags()).hasSize(GRID.flags().size() + 1);
            TriageAnswers a = valid(RequestType.APPOINTMENT_QUESTION);
            assertThat(grid.evaluate(a, ADULT, TODAY).priority).isEqualTo(Priority.ROUTINE);
            a.redFlags.add("pregnancy_bleeding");
            assertThat(grid.evaluate(a, ADULT, TODAY).priority).isEqualTo(Priority.EMERGENCY);
            assertThat(GRID.flag("pregnancy_bleeding")).as("the standard grid is untouched").isNull();
        }

        @Test
        void aPracticeFlagCanBeRaisedByTemperatureForAnAgeBand() {
            RedFlag toddler = new RedFlag("toddler_high_fever", "Enfant de moins de 2 ans à 40 °C", "Child under 2 at 40 °C");
            toddler.maxAgeMonths = 24;
            toddler.minTemperature = 40.0;
            TriageGrid grid = GRID.withExtraFlags(List.of(toddler));
            assertThat(grid.evaluate(symptoms(40.0, Severity.MILD, YESTERDAY), 23, TODAY).priority).isEqualTo(Priority.EMERGENCY);
            assertThat(grid.evaluate(symptoms(39.9, Severity.MILD, YESTERDAY), 23, TODAY).priority).isEqualTo(Priority.URGENT);
            assertThat(grid.evaluate(symptoms(40.0, Severity.MILD, YESTERDAY), 24, TODAY).priority).isEqualTo(Priority.URGENT);
        }

        @Test
        void aPracticeFlagWithoutAgeIsRaisedAtAnyAge() {
            RedFlag hyper = new RedFlag("hyperthermia", "Plus de 41 °C", "Above 41 °C");
            hyper.minTemperature = 41.0;
            TriageGrid grid = GRID.withExtraFlags(List.of(hyper));
            assertThat(grid.evaluate(symptoms(41.0, Severity.MILD, YESTERDAY), null, TODAY).priority).isEqualTo(Priority.EMERGENCY);
        }

        @Test
        void aPracticeCannotReplaceABuiltInFlag() {
            RedFlag weaker = new RedFlag(TriageGrid.INFANT_FEVER, "x", "y");
            weaker.minTemperature = 42.0;
            TriageGrid grid = GRID.withExtraFlags(List.of(weaker));
            assertThat(grid.flags()).hasSameSizeAs(GRID.flags());
            assertThat(grid.evaluate(symptoms(38.0, Severity.MILD, YESTERDAY), 1, TODAY).priority).isEqualTo(Priority.EMERGENCY);
        }
    }

    @Nested
    class Ages {
        @ParameterizedTest(name = "born {0}, on {1}: {2}")
        @CsvSource({
                "2026-01-15, 2026-04-14, 2",
                "2026-01-15, 2026-04-15, 3",
                "2026-01-15, 2026-01-15, 0",
                "2025-12-31, 2026-02-27, 1",
                "2025-12-31, 2026-02-28, 2",
                "2024-01-31, 2024-02-28, 0",
                "2024-01-31, 2024-02-29, 1",
                "2020-03-30, 2026-03-29, 71",
                "2020-03-30, 2026-03-30, 72",
                "2026-05-01, 2026-03-30, 0",
        })
        void fullMonths(String birth, String today, int months) {
            assertThat(TriageGrid.ageInMonths(birth, today)).isEqualTo(months);
        }

        @Test
        void malformedDatesGiveNoAge() {
            assertThat(TriageGrid.ageInMonths("2026-02-30", TODAY)).isNull();
            assertThat(TriageGrid.ageInMonths(null, TODAY)).isNull();
            assertThat(TriageGrid.ageInMonths("2026-01-01", "today")).isNull();
        }

        @ParameterizedTest
        @CsvSource({"37.9, 379", "37.95, 380", "38.0, 380", "38.04, 380", "38.05, 381", "39, 390"})
        void temperaturesRoundToTenths(double celsius, int tenths) {
            assertThat(TriageGrid.tenths(celsius)).isEqualTo(tenths);
        }
    }
}
