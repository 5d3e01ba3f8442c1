package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Button;
import com.codename1.ui.CN;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.Label;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import com.codename1.ui.layouts.BoxLayout;
import com.codename1.ui.layouts.FlowLayout;
import com.codename1.ui.layouts.GridLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.ErrorText;
import fr.creneau.app.logic.Instants;
import fr.creneau.app.logic.Strings;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.BookingRequest;
import fr.creneau.model.api.CallDto;
import fr.creneau.model.api.CallIdentityRequest;
import fr.creneau.model.api.CallOutcomeRequest;
import fr.creneau.model.api.CallTriageRequest;
import fr.creneau.model.api.MotiveDto;
import fr.creneau.model.api.PatientDto;
import fr.creneau.model.api.PractitionerDto;
import fr.creneau.model.api.SlotDto;
import fr.creneau.model.api.TriageGridDto;
import fr.creneau.model.rules.Channel;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.triage.CallOutcome;
import fr.creneau.model.triage.TriageAnswers;
import fr.creneau.model.triage.TriageGrid;
import fr.creneau.model.triage.TriageResult;

import java.util.List;

/**
 * The telesecretariat call screen, top to bottom in the order of the method: open the call (caller's name and
 * number), identity check (the server compares name, birth date and phone with the patient's file and records
 * it), the triage questions for the stated reason from the shared grid, then exactly one outcome: booked (the
 * earliest slot of a motive), memo for the practitioner, urgent transfer, advice given, or put on the waitlist
 * (offered once the waitlist screen has signed the caller up).
 */
public class CallForm {
    private static final String TZ_DEFAULT = "Europe/Paris";
    private final Form form;
    private final Form back;
    private final Long practiceId;
    private String timezone = TZ_DEFAULT;
    private CallDto call;
    private PatientDto patient;
    private Long practitionerId;
    private PractitionerDto practitioner;
    private MotiveDto motive;
    private String emergencyNumber;
    /** The entry the waitlist screen made during this call: what the WAITLISTED outcome points at. */
    private Long waitlistEntryId;
    private Button waitlisted;

    private final Label callState = new Label();
    private final SpanLabel openMsg = Ui.messageArea("callOpenMessage");
    private final Container found = new Container(new FlowLayout());
    private final SpanLabel idMsg = Ui.messageArea("identityMessage");
    private final Container identityResult = new Container(BoxLayout.y());
    private final TriageFields triage = new TriageFields();
    private final SpanLabel triageMsg = Ui.messageArea("triageMessage");
    private final Container triageResult = new Container(BoxLayout.y());
    private final Container practitioners = new Container(new FlowLayout());
    private final Container motives = new Container(new FlowLayout());
    private final Container script = new Container(BoxLayout.y());
    private java.util.Map<Long, fr.creneau.model.api.CallScriptDto> scripts = new java.util.HashMap<Long, fr.creneau.model.api.CallScriptDto>();
    private final SpanLabel outcomeMsg = Ui.messageArea("outcomeMessage");
    private final Container ended = new Container(BoxLayout.y());

    public CallForm(Form back) {
        AccountDto acc = Session.get().account();
        practiceId = acc == null ? null : acc.practiceId;
        this.back = back;
        form = Ui.form("call.title", "Call", back);
        // 1. the caller
        form.add(Ui.title(Ui.tr("call.step1")));
        final TextField callerName = Ui.field(form, "call.callerName", "callerName", "", TextArea.ANY);
        final TextField callerPhone = Ui.field(form, "call.callerPhone", "callerPhone", "+33", TextArea.PHONENUMBER);
        callState.setName("callState");
        callState.setUIID("CardMeta");
        form.add(Ui.primary("call.open", "callOpen", e -> open(callerName.getText(), callerPhone.getText())));
        form.add(callState);
        form.add(openMsg);
        // 2. identity
        form.add(Ui.title(Ui.tr("call.step2")));
        final TextField q = Ui.field(form, "call.findPatient", "callPatientQuery", "", TextArea.ANY);
        form.add(Ui.secondary("patients.search", "callFind", e -> find(q.getText())));
        form.add(found);
        final TextField idLast = Ui.field(form, "call.statedLastName", "idLastName", "", TextArea.ANY);
        final TextField idBirth = Ui.dateField(form, "call.statedBirthDate", "idBirth", "");
        final TextField idPhone = Ui.field(form, "call.statedPhone", "idPhone", "", TextArea.PHONENUMBER);
        form.add(Ui.primary("call.checkIdentity", "callIdentityCheck",
                e -> identity(idLast.getText(), Ui.isoDate(idBirth), idPhone.getText())));
        form.add(idMsg);
        form.add(identityResult);
        // 3. triage
        form.add(Ui.title(Ui.tr("call.step3")));
        final TextField reason = Ui.field(form, "call.reason", "callReason", "", TextArea.ANY);
        form.add(triage.component());
        form.add(Ui.primary("call.recordTriage", "callTriage", e -> triage(reason.getText())));
        form.add(triageMsg);
        form.add(triageResult);
        // 4. one outcome
        form.add(Ui.title(Ui.tr("call.step4")));
        form.add(Ui.line(Ui.tr("call.forPractitioner"), "FieldLabel"));
        form.add(practitioners);
        final TextField note = Ui.field(form, "call.note", "callNote", "", TextArea.ANY);
        Container grid = new Container(new GridLayout(2, 2));
        grid.add(Ui.secondary("outcome.MEMO", "outcomeMemo", e -> outcome(CallOutcome.MEMO, note.getText(), null)));
        grid.add(Ui.danger("outcome.URGENT_TRANSFER", "outcomeTransfer",
                e -> outcome(CallOutcome.URGENT_TRANSFER, note.getText(), null)));
        grid.add(Ui.secondary("outcome.ADVICE_GIVEN", "outcomeAdvice",
                e -> outcome(CallOutcome.ADVICE_GIVEN, note.getText(), null)));
        form.add(grid);
        form.add(Ui.line(Ui.tr("call.bookMotive"), "FieldLabel"));
        form.add(motives);
        script.setName("callScript");
        form.add(script);
        form.add(Ui.primary("call.bookEarliest", "outcomeBook", e -> bookEarliest(note.getText())));
        form.add(Ui.secondary("call.waitlist", "outcomeWaitlist", e -> waitlist()));
        form.add(outcomeMsg);
        waitlisted = Ui.primary("outcome.WAITLISTED", "outcomeWaitlisted",
                e -> outcome(CallOutcome.WAITLISTED, note.getText(), null));
        waitlisted.setHidden(true);
        form.add(waitlisted);
        form.add(ended);
        form.addShowListener(e -> {
            if (form.getClientProperty("loaded") == null) {
                form.putClientProperty("loaded", Boolean.TRUE);
                load();
            }
        });
    }

    private void load() {
        if (practiceId == null) {
            return;
        }
        timezone = RequestView.zone(practiceId);
        ApiResult<TriageGridDto> g = Api.triageGrid(practiceId);
        if (g.ok()) {
            triage.setGrid(TriageGrid.standard().withExtraFlags(g.value.flags));
            emergencyNumber = g.value.emergencyNumbers == null || g.value.emergencyNumbers.isEmpty() ? null
                    : g.value.emergencyNumbers.get(0);
        }
        ApiResult<List<PractitionerDto>> ps = Api.practitioners("", null, practiceId);
        for (int i = 0; ps.ok() && i < ps.value.size(); i++) {
            final PractitionerDto p = ps.value.get(i);
            practitioners.add(Ui.chip(p.fullName(), "callTo-" + p.id, practitioners, form, () -> {
                practitionerId = p.id;
                practitioner = p;
            }));
        }
        if (ps.ok() && !ps.value.isEmpty()) {
            practitionerId = ps.value.get(0).id;
            practitioner = ps.value.get(0);
            practitioners.getComponentAt(0).setUIID("ChipSelected");
        }
        // the scripts first: a motive chip, once shown, can be chosen at once
        ApiResult<List<fr.creneau.model.api.CallScriptDto>> cs = Api.callScripts(practiceId);
        for (int i = 0; cs.ok() && i < cs.value.size(); i++) {
            scripts.put(cs.value.get(i).motiveId, cs.value.get(i));
        }
        ApiResult<List<MotiveDto>> ms = Api.practiceMotives(practiceId);
        for (int i = 0; ms.ok() && i < ms.value.size(); i++) {
            final MotiveDto m = ms.value.get(i);
            motives.add(Ui.chip(m.label(I18n.language()), "callMotive-" + m.id, motives, form, () -> chooseMotive(m)));
        }
        form.revalidate();
    }

    /**
     * The chosen motive's call script: the questions to ask and the answers to give (what to bring, how to
     * prepare), in the app's language. The "script" client property holds the motive id shown.
     */
    private void chooseMotive(MotiveDto m) {
        motive = m;
        script.removeAll();
        fr.creneau.model.api.CallScriptDto s = scripts.get(m.id);
        String lang = I18n.language();
        List<String> qs = s == null ? null : s.questions(lang);
        List<String> as = s == null ? null : s.answers(lang);
        boolean none = (qs == null || qs.isEmpty()) && (as == null || as.isEmpty());
        if (none) {
            script.add(Ui.line(Ui.tr("call.scriptNone"), "CardMeta"));
        } else {
            if (qs != null && !qs.isEmpty()) {
                script.add(Ui.line(Ui.tr("call.scriptQuestions"), "FieldLabel"));
                for (int i = 0; i < qs.size(); i++) {
                    SpanLabel l = Ui.wrap("? " + qs.get(i), "CardLine");
                    l.setName("scriptQ-" + i);
                    script.add(l);
                }
            }
            if (as != null && !as.isEmpty()) {
                script.add(Ui.line(Ui.tr("call.scriptAnswers"), "FieldLabel"));
                for (int i = 0; i < as.size(); i++) {
                    SpanLabel l = Ui.wrap("→ " + as.get(i), "CardLine");
                    l.setName("scriptA-" + i);
                    script.add(l);
                }
            }
        }
        form.putClientProperty("script", m.id);
        form.revalidate();
        form.scrollComponentToVisible(script);
    }


    private String today() {
        return Instants.localDate(System.currentTimeMillis(), timezone);
    }

    private void open(String name, String phone) {
        String p = Strings.trimToNull(phone);
        ApiResult<CallDto> res = Api.openCall(practiceId, Strings.trimToNull(name),
                p == null || "+33".equals(p) ? null : p);
        if (!res.ok()) {
            Ui.showMessage(openMsg, res.message(), true);
            return;
        }
        call = res.value;
        Ui.showMessage(openMsg, null, false);
        callState.setText(Ui.tr("call.openSince", I18n.dates().time(Instants.parse(call.startedAt), timezone)));
        form.putClientProperty("callId", call.id);
        form.revalidate();
    }

    private boolean needCall(SpanLabel area) {
        if (call == null) {
            Ui.showMessage(area, Ui.tr("call.openFirst"), true);
            return true;
        }
        return false;
    }

    private void find(String q) {
        found.removeAll();
        ApiResult<List<PatientDto>> res = Api.findPatients(practiceId, q.trim(), null, null);
        if (!res.ok()) {
            Ui.showMessage(idMsg, res.message(), true);
            return;
        }
        Ui.showMessage(idMsg, res.value.isEmpty() ? Ui.tr("patients.none") : null, false);
        for (int i = 0; i < res.value.size(); i++) {
            final PatientDto p = res.value.get(i);
            found.add(Ui.chip(p.fullName(), "callPatient-" + p.id, found, form, () -> {
                patient = p;
                triage.setAge(TriageGrid.ageInMonths(p.birthDate, today()));
            }));
        }
        form.putClientProperty("searchedFor", q.trim());
        form.revalidate();
    }

    private void identity(String last, String birth, String phone) {
        if (needCall(idMsg)) {
            return;
        }
        if (patient == null) {
            Ui.showMessage(idMsg, Ui.tr("call.choosePatient"), true);
            return;
        }
        CallIdentityRequest r = new CallIdentityRequest();
        r.patientId = patient.id;
        r.lastName = Strings.trimToNull(last);
        r.birthDate = Strings.trimToNull(birth);
        r.phone = Strings.trimToNull(phone);
        List<FieldError> errs = r.validate();
        if (!errs.isEmpty()) {
            Ui.showMessage(idMsg, ErrorText.fields(I18n.TEXTS, errs), true);
            return;
        }
        ApiResult<CallDto> res = Api.callIdentity(call.id, r);
        if (!res.ok()) {
            Ui.showMessage(idMsg, res.message(), true);
            return;
        }
        call = res.value;
        Ui.showMessage(idMsg, null, false);
        identityResult.removeAll();
        identityResult.add(match("call.nameMatch", call.nameMatches));
        identityResult.add(match("call.birthMatch", call.birthDateMatches));
        identityResult.add(match("call.phoneMatch", call.phoneMatches));
        boolean ok = Boolean.TRUE.equals(call.identityChecked);
        Label l = new Label(Ui.tr(ok ? "call.identityOk" : "call.identityNotOk"));
        l.setName("identityState");
        l.setUIID(ok ? "SuccessText" : "WarningText");
        identityResult.add(l);
        form.revalidate();
        form.scrollComponentToVisible(l);
    }

    private static Label match(String key, Boolean v) {
        Label l = new Label((Boolean.TRUE.equals(v) ? "✓ " : "✗ ") + Ui.tr(key));
        l.setUIID(Boolean.TRUE.equals(v) ? "SuccessText" : "WarningText");
        return l;
    }

    private void triage(String reason) {
        if (needCall(triageMsg)) {
            return;
        }
        if (triage.type() == null) {
            Ui.showMessage(triageMsg, Ui.tr("call.chooseType"), true);
            return;
        }
        TriageAnswers a = triage.answers(null);
        CallTriageRequest r = new CallTriageRequest();
        r.reason = Strings.trimToNull(reason) == null ? Ui.tr("type." + a.type.name()) : reason.trim();
        r.answers = a;
        TriageResult local = triage.grid().evaluate(a, triage.ageMonths(), today());
        List<FieldError> errs = local.isEmergency() ? new java.util.ArrayList<FieldError>() : r.validate(today());
        if (!errs.isEmpty()) {
            Ui.showMessage(triageMsg, ErrorText.fields(I18n.TEXTS, errs), true);
            return;
        }
        ApiResult<CallDto> res = Api.callTriage(call.id, r);
        triageResult.removeAll();
        if (!res.ok()) {
            Ui.showMessage(triageMsg, res.message(), true);
        } else {
            call = res.value;
            Ui.showMessage(triageMsg, null, false);
        }
        fr.creneau.model.triage.Priority p = res.ok() && call.priority != null ? call.priority : local.priority;
        triageResult.add(RequestView.row(Ui.line(Ui.tr("call.priority"), "CardTitle"),
                RequestView.priorityBadge(p, "callPriority")));
        List<String> reasons = res.ok() ? call.triageReasons : local.reasons;
        if (reasons != null && !reasons.isEmpty()) {
            triageResult.add(Ui.line(Ui.tr("sent.why", RequestView.reasons(reasons)), "CardLine"));
        }
        if (p == fr.creneau.model.triage.Priority.EMERGENCY) {
            triageResult.add(Ui.line(Ui.tr("call.emergency"), "EmergencyText"));
            final String n = emergencyNumber == null ? TriageGrid.NUMBER_SAMU : emergencyNumber;
            Button dial = new Button(Ui.tr("emergency.call", n));
            dial.setName("callDial");
            dial.setUIID("EmergencyButton");
            dial.addActionListener(e -> CN.dial(n));
            triageResult.add(dial);
        }
        form.putClientProperty("priority", p == null ? null : p.name());
        form.revalidate();
        form.scrollComponentToVisible(triageResult);
    }

    private void bookEarliest(String note) {
        if (needCall(outcomeMsg)) {
            return;
        }
        if (patient == null || motive == null) {
            Ui.showMessage(outcomeMsg, Ui.tr(patient == null ? "call.choosePatient" : "call.chooseMotive"), true);
            return;
        }
        ApiResult<SlotDto> s = Api.earliest(practiceId, motive.id);
        if (!s.ok()) {
            Ui.showMessage(outcomeMsg, s.status == 404 ? Ui.tr("call.noSlot") : s.message(), true);
            return;
        }
        BookingRequest b = new BookingRequest();
        b.practitionerId = s.value.practitionerId;
        b.motiveId = motive.id;
        b.patientId = patient.id;
        b.siteId = s.value.siteId;
        b.start = s.value.start;
        b.channel = Channel.PHONE;
        ApiResult<AppointmentDto> a = Api.book(b, "call-" + call.id);
        if (!a.ok()) {
            Ui.showMessage(outcomeMsg, a.message(), true);
            return;
        }
        outcome(CallOutcome.BOOKED, note, a.value);
    }

    /**
     * No slot suits the caller: the waitlist screen, for this patient, the chosen motive and practitioner (or anyone
     * of the practice, ticked there). Only once the caller is known to be the patient: an offer books in their name.
     * Back on the call, "put on the waitlist" is offered as its outcome.
     */
    private void waitlist() {
        if (needCall(outcomeMsg)) {
            return;
        }
        if (patient == null) {
            Ui.showMessage(outcomeMsg, Ui.tr("call.choosePatient"), true);
            return;
        }
        if (!Boolean.TRUE.equals(call.identityChecked) || call.patientId == null || !call.patientId.equals(patient.id)) {
            Ui.showMessage(outcomeMsg, Ui.tr("call.identityFirst"), true);
            return;
        }
        if (motive == null || practitioner == null) {
            Ui.showMessage(outcomeMsg, Ui.tr(motive == null ? "call.chooseMotive" : "agenda.noPractitioner"), true);
            return;
        }
        BookingContext ctx = new BookingContext();
        ctx.staff = true;
        ctx.channel = Channel.PHONE;
        ctx.practiceId = practiceId;
        ctx.patient = patient;
        ctx.practitioner = practitioner;
        ctx.motive = motive;
        final PatientDto who = patient;
        new WaitlistJoinForm(ctx, form, entry -> {
            form.showBack();
            Ui.showMessage(outcomeMsg, Ui.tr("call.waitlisted", who.fullName()), false);
            waitlistEntryId = entry.id;
            waitlisted.setHidden(false);
            form.putClientProperty("waitlisted", entry.id);
            form.revalidate();
            // the outcome to tap now sits just under the message
            form.scrollComponentToVisible(waitlisted);
        }).show();
    }

    private void outcome(CallOutcome o, String note, AppointmentDto booked) {
        if (needCall(outcomeMsg)) {
            return;
        }
        CallOutcomeRequest r = new CallOutcomeRequest();
        r.outcome = o;
        r.note = Strings.trimToNull(note);
        r.appointmentId = booked == null ? null : booked.id;
        r.waitlistEntryId = o == CallOutcome.WAITLISTED ? waitlistEntryId : null;
        r.practitionerId = o == CallOutcome.BOOKED ? null : practitionerId;
        ApiResult<CallDto> res = Api.callOutcome(call.id, r);
        if (!res.ok()) {
            Ui.showMessage(outcomeMsg, res.message(), true);
            return;
        }
        call = res.value;
        Ui.showMessage(outcomeMsg, null, false);
        ended.removeAll();
        SpanLabel done = Ui.wrap(Ui.tr("call.ended", Ui.tr("outcome." + o.name())), "SuccessText");
        done.setName("callEnded");
        ended.add(done);
        if (booked != null) {
            ended.add(Ui.line(I18n.dates().dateTime(booked.start, timezone) + " · "
                    + (booked.practitionerName == null ? "" : booked.practitionerName), "CardLine"));
        }
        ended.add(Ui.secondary("call.next", "callNext", e -> new CallForm(back).show()));
        form.putClientProperty("outcome", o.name());
        form.revalidate();
        form.scrollComponentToVisible(done);
    }

    public void show() {
        form.show();
    }
}
