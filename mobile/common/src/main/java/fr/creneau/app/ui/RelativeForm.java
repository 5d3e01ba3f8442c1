package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Form;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.ErrorText;
import fr.creneau.model.api.PatientDto;
import fr.creneau.model.rules.FieldError;

import java.util.List;

/** Add a relative (a child) to the account, to book for them. */
public class RelativeForm {
    private final Form form;

    public RelativeForm(final Form back) {
        form = Ui.form("relative.title", "Relative", back);
        form.add(Ui.text(Ui.tr("relative.intro"), "Hint"));
        final TextField first = Ui.field(form, "field.firstName", "relFirstName", "", TextArea.ANY);
        final TextField last = Ui.field(form, "field.lastName", "relLastName", "", TextArea.ANY);
        final TextField birth = Ui.dateField(form, "field.birthDate", "relBirthDate", "");
        final SpanLabel msg = Ui.messageArea("relativeMessage");
        form.add(msg);
        form.add(Ui.primary("relative.submit", "relativeSubmit", e -> {
            PatientDto p = new PatientDto();
            p.firstName = first.getText().trim();
            p.lastName = last.getText().trim();
            p.birthDate = Ui.isoDate(birth);
            List<FieldError> errs = p.validate(true);
            if (!errs.isEmpty()) {
                Ui.showMessage(msg, ErrorText.fields(I18n.TEXTS, errs), true);
                return;
            }
            ApiResult<PatientDto> res = Api.addRelative(p);
            if (res.ok()) {
                Api.me(); // the account now lists the relative
                Ui.showMessage(msg, Ui.tr("relative.added", p.fullName()), false);
                first.setText("");
                last.setText("");
                birth.setText("");
            } else {
                Ui.showMessage(msg, res.message(), true);
            }
        }));
    }

    public void show() {
        form.show();
    }
}
