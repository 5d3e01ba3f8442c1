package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Button;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import com.codename1.ui.layouts.BoxLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.ErrorText;
import fr.creneau.app.logic.Strings;
import fr.creneau.model.api.PatientDto;
import fr.creneau.model.rules.Channel;
import fr.creneau.model.rules.FieldError;

import java.util.List;

/** Secretariat: find a patient by name, birth date or phone, or create one, then book on their behalf. */
public class PatientSearchForm {
    private final Form form;
    private final SpanLabel msg = Ui.messageArea("patientSearchMessage");
    private final Container results = new Container(BoxLayout.y());

    public PatientSearchForm(Form back) {
        form = Ui.form("patients.title", "PatientSearch", back);
        final TextField q = Ui.field(form, "patients.name", "patientQuery", "", TextArea.ANY);
        final TextField birth = Ui.dateField(form, "field.birthDate", "patientBirth", "");
        final TextField phone = Ui.field(form, "field.phone", "patientPhone", "", TextArea.PHONENUMBER);
        form.add(Ui.primary("patients.search", "patientSearchButton", e -> {
            Long practiceId = Session.get().account().practiceId;
            results.removeAll();
            Ui.showMessage(msg, Ui.tr("common.loading"), false);
            ApiResult<List<PatientDto>> res = Api.findPatients(practiceId, q.getText().trim(),
                    Strings.trimToNull(Ui.isoDate(birth)), Strings.trimToNull(phone.getText()));
            if (!res.ok()) {
                Ui.showMessage(msg, res.message(), true);
                return;
            }
            Ui.showMessage(msg, res.value.isEmpty() ? Ui.tr("patients.none") : null, false);
            for (int i = 0; i < res.value.size(); i++) {
                final PatientDto p = res.value.get(i);
                String meta = Ui.tr("patients.meta", p.birthDate == null ? "" : I18n.dates().date(p.birthDate),
                        p.phone == null ? "" : p.phone);
                Container card = Ui.card(Ui.line(p.fullName(), "CardTitle"), Ui.line(meta, "CardMeta"),
                        p.noShowCount != null && p.noShowCount.intValue() > 0
                                ? Ui.line(Ui.tr("patients.noShows", p.noShowCount), "WarningText") : null);
                Ui.tappable(card, "patient-" + p.id, ev -> bookFor(p));
                results.add(card);
            }
            form.putClientProperty("searchedFor", q.getText().trim());
            form.revalidate();
        }));
        form.add(msg);
        form.add(results);
        form.add(Ui.title(Ui.tr("patients.create")));
        final TextField first = Ui.field(form, "field.firstName", "newFirstName", "", TextArea.ANY);
        final TextField last = Ui.field(form, "field.lastName", "newLastName", "", TextArea.ANY);
        final TextField nBirth = Ui.dateField(form, "field.birthDate", "newBirthDate", "");
        final TextField nPhone = Ui.field(form, "field.phone", "newPhone", "+33", TextArea.PHONENUMBER);
        final SpanLabel createMsg = Ui.messageArea("patientCreateMessage");
        form.add(createMsg);
        form.add(Ui.secondary("patients.createSubmit", "patientCreateButton", e -> {
            PatientDto p = new PatientDto();
            p.firstName = first.getText().trim();
            p.lastName = last.getText().trim();
            p.birthDate = Ui.isoDate(nBirth);
            p.phone = nPhone.getText().trim();
            List<FieldError> errs = p.validate(false);
            if (!errs.isEmpty()) {
                Ui.showMessage(createMsg, ErrorText.fields(I18n.TEXTS, errs), true);
                return;
            }
            ApiResult<PatientDto> res = Api.createPatient(Session.get().account().practiceId, p);
            if (res.ok()) {
                bookFor(res.value);
            } else {
                Ui.showMessage(createMsg, res.message(), true);
            }
        }));
    }

    private void bookFor(PatientDto p) {
        BookingContext ctx = new BookingContext();
        ctx.staff = true;
        ctx.patient = p;
        ctx.channel = Channel.PHONE;
        ctx.practiceId = Session.get().account().practiceId;
        new SearchForm(ctx, form).show();
    }

    public void show() {
        form.show();
    }
}
