package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import com.codename1.ui.Dialog;
import fr.creneau.app.Config;
import fr.creneau.app.I18n;

/** No backend needed: the login screen in both languages, and a clear inline message when the server is down. */
public class OfflineLoginTest extends CreneauUiTest {
    @Override
    public boolean runTest() throws Exception {
        restart("fr");
        screenshot("fr-01-login");
        restart("en");
        screenshot("en-01-login");

        // nothing listens on port 9: the app must say so inline, with no modal dialog
        Config.setApiBase("http://127.0.0.1:9");
        restart("fr");
        setText("email", "patient@demo.creneau.fr");
        setText("password", PASSWORD);
        clickButtonByName("loginButton");
        String expected = I18n.tr("error.network");
        waitUntil(() -> expected.equals(text("loginError")), 30000, "network error message");
        assertTrue(!(CN.getCurrentForm() instanceof Dialog), "no modal dialog");
        assertEqual("Login", formName());
        screenshot("fr-02-login-offline");
        Config.setApiBase(api());
        return true;
    }
}
