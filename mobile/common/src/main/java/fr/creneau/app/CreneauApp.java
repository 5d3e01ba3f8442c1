package fr.creneau.app;

import com.codename1.push.Push;
import com.codename1.push.PushAction;
import com.codename1.push.PushActionCategory;
import com.codename1.push.PushActionsProvider;
import com.codename1.push.PushCallback;
import com.codename1.push.PushContent;
import com.codename1.ui.CN;
import com.codename1.ui.Form;
import com.codename1.ui.plaf.UIManager;
import com.codename1.ui.util.Resources;
import fr.creneau.app.api.Api;
import fr.creneau.app.logic.PushRoute;
import fr.creneau.app.ui.Nav;
import fr.creneau.app.ui.PushHandler;

/**
 * Creneau: booking for patients, agenda and secretariat for staff. Push: reminders asking to confirm carry the
 * category {@link PushRoute#CONFIRM_CANCEL_CATEGORY}, for which the device shows Confirm and Cancel buttons.
 */
public class CreneauApp implements PushCallback, PushActionsProvider {
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

    /**
     * A push was tapped, or one of its buttons pressed: {@link PushHandler} opens the appointment (confirming it for
     * Confirm, at its cancel section for Cancel), the requests or the inbox. Lists reload when shown anyway.
     */
    public void push(final String value) {
        PushContent content = PushContent.get();
        final String actionId = content == null ? null : content.getActionId();
        CN.callSerially(() -> PushHandler.handle(value, actionId));
    }

    public PushActionCategory[] getPushActionCategories() {
        return new PushActionCategory[]{new PushActionCategory(PushRoute.CONFIRM_CANCEL_CATEGORY,
                new PushAction(PushRoute.ACTION_CONFIRM, I18n.tr("push.confirm")),
                new PushAction(PushRoute.ACTION_CANCEL, I18n.tr("push.cancel")))};
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
