package fr.creneau.app.logic;

import java.util.HashMap;
import java.util.Map;

/**
 * The time zone of each practice, as the server gave it (asked once per practice, see {@code RequestView.zone}).
 * A practice's times are always shown in its own zone, never the device's; Europe/Paris only while it is unknown.
 */
public final class PracticeZones {
    public static final String DEFAULT = "Europe/Paris";
    private static final Map<Long, String> ZONES = new HashMap<Long, String>();

    private PracticeZones() {
    }

    /** The practice's zone when already known, else null. */
    public static synchronized String known(Long practiceId) {
        return practiceId == null ? null : ZONES.get(practiceId);
    }

    public static synchronized void remember(Long practiceId, String zone) {
        if (practiceId != null && zone != null && zone.length() > 0) {
            ZONES.put(practiceId, zone);
        }
    }

    public static synchronized void forget(Long practiceId) {
        ZONES.remove(practiceId);
    }
}
