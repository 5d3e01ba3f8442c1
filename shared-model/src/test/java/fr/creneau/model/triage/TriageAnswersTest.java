package fr.creneau.model.triage;

import fr.creneau.model.api.CallOutcomeRequest;
import fr.creneau.model.api.CallScriptDto;
import fr.creneau.model.api.PatientRequestDto;
import fr.creneau.model.rules.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TriageAnswersTest {
    private static final String TODAY = "2026-03-30";

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(e -> e.field + ":" + e.code).toList();
    }

    @ParameterizedTest
    @EnumSource(RequestType.class)
    void aCompleteRequestOfEveryTypeIsValid(RequestType type) {
        assertThat(TriageGridTest.valid(type).validate(TODAY)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RequestType.class)
    void freeTextAloneIsNeverEnough(RequestType type) {
        TriageAnswers a = new TriageAnswers();
        a.type = type;
        a.message = "Bonjour docteur, pouvez-vous me rappeler ?";
        assertThat(a.validate(TODAY)).isNotEmpty().allSatisfy(e -> assertThat(e.code).isEqualTo("required"));
    }

    @Test
    void eachTypeNamesItsOwnRequiredFields() {
        TriageAnswers a = new TriageAnswers();
        a.type = RequestType.PRESCRIPTION_RENEWAL;
        assertThat(fields(a.validate(TODAY))).containsExactly("medication:required", "since:required");
        a.type = RequestType.NEW_SYMPTOMS;
        assertThat(fields(a.validate(TODAY))).containsExactly("symptoms:required", "since:required", "severity:required");
        a.type = RequestType.TEST_RESULTS;
        assertThat(fields(a.validate(TODAY))).containsExactly("testName:required");
        a.type = RequestType.PAPERWORK;
        assertThat(fields(a.validate(TODAY))).containsExactly("documentKind:required", "purpose:required");
        a.type = RequestType.APPOINTMENT_QUESTION;
        assertThat(fields(a.validate(TODAY))).containsExactly("question:required");
        a.type = null;
        assertThat(fields(a.validate(TODAY))).containsExactly("type:required");
    }

    @Test
    void blankTextIsMissing() {
        TriageAnswers a = TriageGridTest.valid(RequestType.PRESCRIPTION_RENEWAL);
        a.medication = "   ";
        assertThat(fields(a.validate(TODAY))).containsExactly("medication:required");
    }

    @Test
    void sinceMustBeADateAndNotInTheFuture() {
        TriageAnswers a = TriageGridTest.valid(RequestType.NEW_SYMPTOMS);
        a.since = "30/03/2026";
        assertThat(fields(a.validate(TODAY))).containsExactly("since:invalid_date");
        a.since = "2026-03-31";
        assertThat(fields(a.validate(TODAY))).containsExactly("since:in_future");
        assertThat(a.validate()).as("without a clock the date is only checked for shape").isEmpty();
        a.since = TODAY;
        assertThat(a.validate(TODAY)).isEmpty();
    }

    @Test
    void temperatureBounds() {
        TriageAnswers a = TriageGridTest.valid(RequestType.NEW_SYMPTOMS);
        for (double ok : new double[]{34.0, 36.6, 43.0}) {
            a.temperature = ok;
            assertThat(a.validate(TODAY)).as("%s", ok).isEmpty();
        }
        for (double bad : new double[]{33.9, 43.1, 98.6}) {
            a.temperature = bad;
            assertThat(fields(a.validate(TODAY))).as("%s", bad).containsExactly("temperature:out_of_range");
        }
    }

    @Test
    void lengthsAndCodes() {
        TriageAnswers a = TriageGridTest.valid(RequestType.PAPERWORK);
        a.purpose = "x".repeat(201);
        a.message = "y".repeat(2001);
        a.redFlags.add("Chest Pain!");
        assertThat(fields(a.validate(TODAY))).containsExactly("purpose:too_long", "message:too_long", "redFlags:invalid_code");
    }

    @Test
    void aPatientRequestPrefixesTheAnswersFields() {
        PatientRequestDto d = new PatientRequestDto();
        assertThat(fields(d.validate(TODAY))).containsExactly("patientId:required", "answers:required");
        d.patientId = 3L;
        d.answers = new TriageAnswers();
        d.answers.type = RequestType.TEST_RESULTS;
        assertThat(d.validate(TODAY)).extracting(e -> e.field, e -> e.code).containsExactly(tuple("answers.testName", "required"));
    }

    @Test
    void redFlagRules() {
        RedFlag f = new RedFlag("Bad Code", null, "x");
        f.minTemperature = 50.0;
        f.maxAgeMonths = 0;
        f.extraNumber = "call me";
        assertThat(fields(f.validate())).containsExactly("code:invalid_code", "labelFr:required",
                "maxAgeMonths:out_of_range", "minTemperature:out_of_range", "extraNumber:invalid_phone");
        RedFlag ok = new RedFlag("x_1", "Un", "One");
        ok.extraNumber = "3114";
        assertThat(ok.validate()).isEmpty();
        assertThat(RedFlag.isCode("a".repeat(41))).isFalse();
    }

    @Test
    void callOutcomeNeedsWhatItPointsAt() {
        CallOutcomeRequest r = new CallOutcomeRequest();
        assertThat(fields(r.validate())).containsExactly("outcome:required");
        r.outcome = CallOutcome.BOOKED;
        assertThat(fields(r.validate())).containsExactly("appointmentId:required");
        r.outcome = CallOutcome.WAITLISTED;
        assertThat(fields(r.validate())).containsExactly("waitlistEntryId:required");
        r.waitlistEntryId = 0L;
        assertThat(fields(r.validate())).containsExactly("waitlistEntryId:must_be_positive");
        r.waitlistEntryId = 12L;
        assertThat(r.validate()).isEmpty();
        r.outcome = CallOutcome.URGENT_TRANSFER;
        assertThat(fields(r.validate())).containsExactly("practitionerId:required");
        r.outcome = CallOutcome.MEMO;
        assertThat(r.validate()).isEmpty();
        r.outcome = CallOutcome.ADVICE_GIVEN;
        assertThat(r.validate()).isEmpty();
    }

    @Test
    void callScriptItemsAreShortSingleLines() {
        CallScriptDto s = new CallScriptDto();
        s.questionsFr = List.of("Avez-vous de la fièvre ?");
        s.answersFr = List.of("Apportez votre carte Vitale");
        assertThat(s.validate()).isEmpty();
        s.questionsEn = List.of("two\nlines");
        s.answersEn = List.of(" ");
        assertThat(fields(s.validate())).containsExactly("questionsEn:too_long", "answersEn:required");
        s.questionsEn = java.util.Collections.nCopies(21, "q");
        s.answersEn = List.of();
        assertThat(fields(s.validate())).containsExactly("questionsEn:too_many");
        assertThat(s.questions("en")).hasSize(21);
        assertThat(s.answers("en")).containsExactly("Apportez votre carte Vitale");
    }

    @Test
    void requestStatusMoves() {
        assertThat(RequestStatus.NEW.canMoveTo(RequestStatus.READ)).isTrue();
        assertThat(RequestStatus.READ.canMoveTo(RequestStatus.ANSWERED)).isTrue();
        assertThat(RequestStatus.ANSWERED.canMoveTo(RequestStatus.READ)).isTrue();
        assertThat(RequestStatus.ANSWERED.canMoveTo(RequestStatus.CLOSED)).isTrue();
        assertThat(RequestStatus.READ.canMoveTo(RequestStatus.NEW)).isFalse();
        for (RequestStatus s : RequestStatus.values()) {
            assertThat(RequestStatus.CLOSED.canMoveTo(s)).isFalse();
        }
        assertThat(Priority.EMERGENCY.isMoreUrgentThan(Priority.URGENT)).isTrue();
        assertThat(Priority.ROUTINE.isMoreUrgentThan(Priority.URGENT)).isFalse();
    }
}
