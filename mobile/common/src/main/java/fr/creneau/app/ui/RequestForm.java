package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Button;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.TextArea;
import com.codename1.ui.layouts.FlowLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.ErrorText;
import fr.creneau.app.logic.Instants;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.PatientDto;
import fr.creneau.model.api.PatientRequestDto;
import fr.creneau.model.api.TriageGridDto;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.triage.TriageAnswers;
import fr.creneau.model.triage.TriageGrid;
import fr.creneau.model.triage.TriageResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The patient's request composer: for whom, to which practitioner (those they have seen or will see), the type,
 * its own fields and the red-flag questions of the practice's grid. The app runs the shared {@link TriageGrid}:
 * a red flag stops on {@link EmergencyForm} and nothing is sent; URGENT and ROUTINE requests are sent, and an
 * URGENT one shows the practice's earliest same-day slot.
 */
public class RequestForm {
    private static final String TZ_DEFAULT = "Europe/Paris";
    private final Form form;
    private final SpanLabel msg = Ui.messageArea("requestMessage");
    private final Container who = new Container(new FlowLayout());
    private final Container to = new Container(new FlowLayout());
    private final TriageFields triage = new TriageFields();
    private final TextArea message = new TextArea(3, 20);
    private PatientDto patient;
    private AppointmentDto target;
    private String timezone = TZ_DEFAULT;
    private String practiceNumber;
    private Long gridPractice;
    private boolean loaded;

    public RequestForm(Form back) {
        form = Ui.form("request.title", "RequestCompose", back);
        form.add(Ui.line(Ui.tr("request.intro"), "CardLine"));
        form.add(Ui.title(Ui.tr("request.forWhom")));
        form.add(who);
        form.add(Ui.title(Ui.tr("request.toWhom")));
        form.add(to);
        form.add(triage.component());
        form.add(Ui.title(Ui.tr("field.message")));
        message.setName("f-message");
        message.setUIID("Field");
        message.setHint(Ui.tr("request.messageHint"));
        form.add(message);
        form.add(msg);
        form.add(Ui.primary("request.send", "requestSend", e -> submit()));
        form.addShowListener(e -> {
            if (!loaded) {
                loaded = true;
                load();
            }
        });
    }

    private String today() {
        return Instants.localDate(System.currentTimeMillis(), timezone);
    }

    private void load() {
        AccountDto acc = Session.get().account();
        who.removeAll();
        if (acc != null && acc.patients != null) {
            for (int i = 0; i < acc.patients.size(); i++) {
                final PatientDto p = acc.patients.get(i);
                who.add(Ui.chip(p.fullName(), "who-" + p.id, who, form, () -> choosePatient(p)));
            }
            if (!acc.patients.isEmpty()) {
                choosePatient(acc.patients.get(0));
                ((Button) who.getComponentAt(0)).setUIID("ChipSelected");
            }
        }
        // the practitioners the family has seen or will see
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        List<AppointmentDto> known = new ArrayList<AppointmentDto>();
        ApiResult<List<AppointmentDto>> up = Api.mine("upcoming");
        ApiResult<List<AppointmentDto>> past = up.ok() ? Api.mine("past") : up;
        if (!up.ok()) {
            Ui.showMessage(msg, up.message(), true);
            return;
        }
        addDistinct(known, up.value);
        if (past.ok()) {
            addDistinct(known, past.value);
        }
        to.removeAll();
        for (int i = 0; i < known.size(); i++) {
            final AppointmentDto a = known.get(i);
            to.add(Ui.chip(a.practitionerName, "to-" + a.practitionerId, to, form, () -> chooseTarget(a)));
        }
        if (known.isEmpty()) {
            Ui.showMessage(msg, Ui.tr("request.noPractitioner"), true);
            return;
        }
        ((Button) to.getComponentAt(0)).setUIID("ChipSelected");
        chooseTarget(known.get(0));
        Ui.showMessage(msg, null, false);
        form.putClientProperty("ready", Boolean.TRUE);
    }

    private static void addDistinct(List<AppointmentDto> into, List<AppointmentDto> from) {
        for (int i = 0; from != null && i < from.size(); i++) {
            AppointmentDto a = from.get(i);
            boolean seen = false;
            for (int j = 0; j < into.size(); j++) {
                if (into.get(j).practitionerId.equals(a.practitionerId)) {
                    seen = true;
                }
            }
            if (!seen && a.practitionerId != null && a.practiceId != null) {
                into.add(a);
            }
        }
    }


    private void choosePatient(PatientDto p) {
        patient = p;
        triage.setAge(TriageGrid.ageInMonths(p.birthDate, today()));
    }

    private void chooseTarget(AppointmentDto a) {
        target = a;
        if (a.timezone != null) {
            timezone = a.timezone;
        }
        if (!a.practiceId.equals(gridPractice)) {
            // the practice's own red flags join the built-in ones; offline, the built-in grid still stops
            ApiResult<TriageGridDto> g = Api.triageGrid(a.practiceId);
            if (g.ok()) {
                gridPractice = a.practiceId;
                triage.setGrid(TriageGrid.standard().withExtraFlags(g.value.flags));
                practiceNumber = g.value.emergencyNumbers == null || g.value.emergencyNumbers.isEmpty() ? null
                        : g.value.emergencyNumbers.get(0);
            }
        }
        if (patient != null) {
            triage.setAge(TriageGrid.ageInMonths(patient.birthDate, today()));
        }
    }

    private void submit() {
        if (patient == null || target == null) {
            Ui.showMessage(msg, Ui.tr("request.noPractitioner"), true);
            return;
        }
        TriageAnswers a = triage.answers(message.getText());
        Integer age = TriageGrid.ageInMonths(patient.birthDate, today());
        // red flags first: an emergency never waits for a form to be complete
        TriageResult r = triage.grid().evaluate(a, age, today());
        if (r.isEmergency()) {
            new EmergencyForm(r, practiceNumber, form).show();
            return;
        }
        List<FieldError> errs = a.validate(today());
        if (!errs.isEmpty()) {
            Ui.showMessage(msg, ErrorText.fields(I18n.TEXTS, errs), true);
            return;
        }
        PatientRequestDto d = new PatientRequestDto();
        d.patientId = patient.id;
        d.practitionerId = target.practitionerId;
        d.answers = a;
        Ui.showMessage(msg, Ui.tr("request.sending"), false);
        ApiResult<PatientRequestDto> res = Api.sendRequest(target.practiceId, d);
        if (res.ok()) {
            Ui.showMessage(msg, null, false);
            new RequestSentForm(res.value, r, target, timezone, form).show();
        } else if ("emergency_call_now".equals(res.code())) {
            // the practice's grid knows a flag this copy did not: the server stops it the same way
            Ui.showMessage(msg, null, false);
            new EmergencyForm(r, practiceNumber, form).show();
        } else {
            Ui.showMessage(msg, res.message(), true);
        }
    }

    public void show() {
        form.show();
    }
}
