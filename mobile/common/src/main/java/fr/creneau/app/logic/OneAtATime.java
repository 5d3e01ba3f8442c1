package fr.creneau.app.logic;

/**
 * Lets an action run once at a time. The app's server calls block the calling code but keep the screen's events
 * flowing (Codename One's invokeAndBlock), so a second tap on "Envoyer" while the first request is on its way
 * would run the action again inside the first one and send the request twice. The guard drops such a nested run;
 * once the action has returned (or failed), the next tap runs it again.
 */
public final class OneAtATime {
    private boolean running;

    /** Runs the action unless it is already running; answers whether it ran. */
    public boolean run(Runnable action) {
        if (running) {
            return false;
        }
        running = true;
        try {
            action.run();
            return true;
        } finally {
            running = false;
        }
    }
}
