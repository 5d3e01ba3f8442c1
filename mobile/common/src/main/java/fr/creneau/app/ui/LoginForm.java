package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Button;
import com.codename1.ui.Form;
import com.codename1.ui.Label;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.ErrorText;
import fr.creneau.model.api.LoginRequest;
import fr.creneau.model.api.TokenResponse;
import fr.creneau.model.rules.FieldError;
import fr.creneau.model.rules.Validator;

import java.util.List;

/** Sign in (patients and staff), or go to sign-up. */
public class LoginForm {
    private final Form form;

    public LoginForm() {
        form = Ui.form("login.title", "Login", null);
        Label brand = new Label(Ui.tr("app.name"));
        brand.setUIID("Brand");
        form.add(brand);
        form.add(Ui.text(Ui.tr("login.tagline"), "Tagline"));
        final TextField email = Ui.field(form, "field.email", "email", "", TextArea.EMAILADDR);
        final TextField password = Ui.field(form, "field.password", "password", "", TextArea.PASSWORD);
        final SpanLabel msg = Ui.messageArea("loginError");
        form.add(msg);
        Button login = Ui.primary("login.submit", "loginButton", e -> {
            LoginRequest r = new LoginRequest();
            r.email = email.getText().trim();
            r.password = password.getText();
            Validator v = new Validator();
            v.email("email", r.email, true);
            v.required("password", r.password);
            List<FieldError> errs = v.errors();
            if (!errs.isEmpty()) {
                Ui.showMessage(msg, ErrorText.fields(I18n.TEXTS, errs), true);
                return;
            }
            Ui.showMessage(msg, Ui.tr("common.loading"), false);
            ApiResult<TokenResponse> res = Api.login(r.email, r.password);
            if (res.ok()) {
                Nav.afterLogin();
            } else if (res.status == 401) {
                Ui.showMessage(msg, Ui.tr("login.badCredentials"), true);
            } else {
                Ui.showMessage(msg, res.message(), true);
            }
        });
        form.add(login);
        form.add(Ui.secondary("login.register", "registerButton", e -> new RegisterForm(form).show()));
    }

    public void show() {
        form.show();
    }
}
