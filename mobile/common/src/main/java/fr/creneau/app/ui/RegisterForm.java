package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Form;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.ErrorText;
import fr.creneau.model.api.RegisterRequest;
import fr.creneau.model.api.TokenResponse;
import fr.creneau.model.rules.FieldError;

import java.util.List;

/** A patient opens an account (checked with the shared Validator before sending, and again by the server). */
public class RegisterForm {
    private final Form form;

    public RegisterForm(Form back) {
        form = Ui.form("register.title", "Register", back);
        final TextField first = Ui.field(form, "field.firstName", "firstName", "", TextArea.ANY);
        final TextField last = Ui.field(form, "field.lastName", "lastName", "", TextArea.ANY);
        final TextField birth = Ui.dateField(form, "field.birthDate", "birthDate", "");
        final TextField phone = Ui.field(form, "field.phone", "phone", "+33", TextArea.PHONENUMBER);
        final TextField email = Ui.field(form, "field.email", "email", "", TextArea.EMAILADDR);
        final TextField password = Ui.field(form, "field.password", "password", "", TextArea.PASSWORD);
        form.add(Ui.text(Ui.tr("register.passwordRule"), "Hint"));
        final SpanLabel msg = Ui.messageArea("registerError");
        form.add(msg);
        form.add(Ui.primary("register.submit", "registerSubmit", e -> {
            RegisterRequest r = new RegisterRequest();
            r.firstName = first.getText().trim();
            r.lastName = last.getText().trim();
            r.birthDate = Ui.isoDate(birth);
            r.phone = phone.getText().trim();
            r.email = email.getText().trim();
            r.password = password.getText();
            List<FieldError> errs = r.validate();
            if (!errs.isEmpty()) {
                Ui.showMessage(msg, ErrorText.fields(I18n.TEXTS, errs), true);
                return;
            }
            ApiResult<TokenResponse> res = Api.register(r);
            if (res.ok()) {
                Nav.afterLogin();
            } else {
                Ui.showMessage(msg, res.message(), true);
            }
        }));
    }

    public void show() {
        form.show();
    }
}
