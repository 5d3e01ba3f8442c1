package fr.creneau.app.logic;

import fr.creneau.model.rules.TimeText;

/**
 * The instants of a block (absence) chosen as a day, a half-day or a range of local times, in the practice's
 * zone. Mornings end and afternoons start at 13:00.
 */
public final class BlockRange {
    public static final int DAY = 0;
    public static final int MORNING = 1;
    public static final int AFTERNOON = 2;
    public static final int RANGE = 3;
    public static final int SPLIT_MINUTES = 13 * 60;

    private BlockRange() {
    }

    /** {startIso, endIso} in UTC, or null when the date or times are not valid. */
    public static String[] of(int kind, String date, String startHhmm, String endHhmm, String timezone) {
        if (!TimeText.isDate(date)) {
            return null;
        }
        int from;
        int to;
        switch (kind) {
            case DAY:
                from = 0;
                to = 24 * 60;
                break;
            case MORNING:
                from = 0;
                to = SPLIT_MINUTES;
                break;
            case AFTERNOON:
                from = SPLIT_MINUTES;
                to = 24 * 60;
                break;
            default:
                from = TimeText.minutesOfDay(startHhmm);
                to = TimeText.minutesOfDay(endHhmm);
                if (from < 0 || to < 0 || to <= from) {
                    return null;
                }
        }
        long start = Instants.atLocal(date, from, timezone);
        long end = to >= 24 * 60 ? Instants.atLocal(Instants.addDays(date, 1), 0, timezone)
                : Instants.atLocal(date, to, timezone);
        return new String[]{Instants.toIso(start), Instants.toIso(end)};
    }
}
