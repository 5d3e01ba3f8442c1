package fr.creneau.app;

import com.codename1.push.Push;
import com.codename1.push.PushCallback;
import com.codename1.ui.CN;
import com.codename1.ui.Form;
import com.codename1.ui.plaf.UIManager;
import com.codename1.ui.util.Resources;
import fr.creneau.app.api.Api;
import fr.creneau.app.ui.Nav;

/** Creneau: booking for patients, agenda and secretariat for staff. */
public class CreneauApp implements PushCallback {
    private Form current;

    public void init(Object context) {
        Resources theme = UIManager.initFirstTheme("/theme");
        I18n.init(theme);
        com.codename1.ui.Toolbar.setGlobalToolbar(true);
        CN.setProperty("platformHint.ios.useNativeEditing", "true");
    }

    public void start() {
        if (current != null) {
            current.show();
            return;
        }
        Nav.startup();
    }

    public void stop() {
        current = CN.getCurrentForm();
    }

    public void destroy() {
    }

    /** After sign-in: on a real device only, ask for push and send the key to the backend. */
    public static void registerPushIfDevice() {
        if (Config.pushEnabled()) {
            CN.registerPush();
        }
    }

    public void push(String value) {
        // a reminder or a change to an appointment: the lists reload when shown
    }

    public void registeredForPush(String deviceId) {
        final String key = Push.getPushKey();
        if (key != null) {
            CN.scheduleBackgroundTask(() -> Api.registerDevice(key));
        }
    }

    public void pushRegistrationError(String error, int errorCode) {
        // no push on this device: the app works without it
    }
}
