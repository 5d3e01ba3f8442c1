package fr.creneau.app.ui;

import fr.creneau.app.CreneauApp;
import fr.creneau.app.Session;
import fr.creneau.app.api.ApiClient;
import fr.creneau.model.rules.Role;

/** Where the app goes: the login, or each role's home. */
public final class Nav {
    private Nav() {
    }

    /** At launch: a stored session is refreshed (or shown offline from cache) instead of asking to log in. */
    public static void startup() {
        Session s = Session.get();
        if (!s.hasSession() || s.account() == null) {
            new LoginForm().show();
            return;
        }
        final boolean[] refreshed = {false};
        refreshed[0] = ApiClient.get().refresh();
        if (!refreshed[0] && !Session.get().hasSession()) {
            // refresh token refused: sign in again
            new LoginForm().show();
            return;
        }
        // refreshed, or offline: the home shows cached data with its date
        home();
    }

    public static void home() {
        Role r = Session.get().role();
        if (r == null) {
            new LoginForm().show();
        } else if (r == Role.PATIENT) {
            new PatientHomeForm().show();
        } else {
            new AgendaForm(null).show();
        }
    }

    public static void afterLogin() {
        if (Session.get().role() == Role.PATIENT) {
            // before the home shows: the inbox and every later notification are written in the app's language
            fr.creneau.app.api.Api.syncNotificationLanguage(fr.creneau.app.I18n.language());
        }
        home();
        CreneauApp.registerPushIfDevice();
    }
}
