package fr.creneau.backend.notification;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of each message, in the patient's language (French unless the patient chose English; the texts are in
 * {@code notifications/texts_<lang>.properties}). Push and SMS say where and when only (practice, date, time,
 * address), plus the motive when the practice opted that motive in; never a patient name, a practitioner's
 * specialty or a note, since a lock screen or a shared phone shows them to anyone. An SMS always fits two GSM-7 parts.
 */
public final class MessageRenderer {
    public static final int MAX_SMS_SEGMENTS = 2;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRENCH);
    private static final Map<Language, DateTimeFormatter> SHORT_DATE = new EnumMap<>(Language.class);
    private static final Map<Language, DateTimeFormatter> LONG_DATE = new EnumMap<>(Language.class);

    static {
        for (Language l : Language.values()) {
            SHORT_DATE.put(l, DateTimeFormatter.ofPattern(NotificationTexts.get(l, "date.short"), l.locale()));
            LONG_DATE.put(l, DateTimeFormatter.ofPattern(NotificationTexts.get(l, "date.long"), l.locale()));
        }
    }

    /** Address and practice name are cut down, in that order, until the SMS fits; the link is never cut. */
    private static final int[][] SHORTENINGS = {{1000, 1000}, {60, 1000}, {40, 40}, {0, 30}, {0, 20}};

    /** French, for callers that have no patient language at hand. */
    public RenderedMessage render(NotificationKind kind, DeliveryChannel channel, List<AppointmentView> appointments, String link) {
        return render(Language.FR, kind, channel, appointments, link);
    }

    /**
     * @param link the confirm/cancel link for the kinds that ask for it, else null
     */
    public RenderedMessage render(Language lang, NotificationKind kind, DeliveryChannel channel, List<AppointmentView> appointments,
                                  String link) {
        String title = title(lang, kind);
        String shortText = channel == DeliveryChannel.EMAIL ? line(lang, kind, appointments, link, 1000, 1000)
                : fitSms(lang, kind, appointments, link);
        if (channel != DeliveryChannel.EMAIL) {
            return new RenderedMessage(title, shortText, null, null, null, null);
        }
        String text = emailText(lang, kind, appointments, link);
        String html = emailHtml(lang, kind, appointments, link);
        byte[] ics = kind == NotificationKind.CANCELLED ? null : IcsWriter.write(lang, appointments);
        return new RenderedMessage(title, shortText, NotificationTexts.fill(lang, "email.subject", "title", title,
                "practice", appointments.get(0).practiceName()), text, html, ics);
    }

    public RenderedMessage renderRequestAnswered(String practiceName) {
        return renderRequestAnswered(Language.FR, practiceName);
    }

    /**
     * A practice answered a request. Push only, and it names the practice and nothing else: not the kind of
     * request, not a medication, not a word of the reply, which the app shows after sign-in.
     */
    public RenderedMessage renderRequestAnswered(Language lang, String practiceName) {
        String title = title(lang, NotificationKind.REQUEST_ANSWERED);
        String text = GsmText.toGsm(NotificationTexts.fill(lang, "request.answered", "practice", cut(practiceName, 60)));
        return new RenderedMessage(title, text, null, null, null, null);
    }

    public RenderedMessage renderWaitlistOffer(String practiceName, java.time.LocalDate day, String hhmm) {
        return renderWaitlistOffer(Language.FR, practiceName, day, hhmm);
    }

    /**
     * A slot freed up at a practice the patient waits for: the practice, the date and the time, never the motive
     * or the practitioner. Push and SMS alike, within one GSM-7 part.
     */
    public RenderedMessage renderWaitlistOffer(Language lang, String practiceName, java.time.LocalDate day, String hhmm) {
        String title = title(lang, NotificationKind.WAITLIST_OFFER);
        String text = GsmText.toGsm(NotificationTexts.fill(lang, "waitlist.offer", "practice", cut(practiceName, 40),
                "date", SHORT_DATE.get(lang).format(day), "time", hhmm));
        return new RenderedMessage(title, text, null, null, null, null);
    }

    /**
     * A waitlist offer went to someone else first: the practice, date and time only, and that the patient is still
     * waiting. Push and SMS alike, within one GSM-7 part.
     */
    public RenderedMessage renderWaitlistGone(String practiceName, java.time.LocalDate day, String hhmm) {
        return renderWaitlistGone(Language.FR, practiceName, day, hhmm);
    }

    public RenderedMessage renderWaitlistGone(Language lang, String practiceName, java.time.LocalDate day, String hhmm) {
        String title = title(lang, NotificationKind.WAITLIST_GONE);
        String text = GsmText.toGsm(NotificationTexts.fill(lang, "waitlist.gone", "practice", cut(practiceName, 40),
                "date", SHORT_DATE.get(lang).format(day), "time", hhmm));
        return new RenderedMessage(title, text, null, null, null, null);
    }

    static String title(NotificationKind kind) {
        return title(Language.FR, kind);
    }

    static String title(Language lang, NotificationKind kind) {
        return NotificationTexts.get(lang, "title." + kind.name(), "title.default");
    }

    /** Push text and SMS: GSM-7 and at most two parts. A push has more room, but short is better on a lock screen. */
    private String fitSms(Language lang, NotificationKind kind, List<AppointmentView> appointments, String link) {
        String text = "";
        for (int[] cut : SHORTENINGS) {
            text = GsmText.toGsm(line(lang, kind, appointments, link, cut[0], cut[1]));
            if (GsmText.segments(text) <= MAX_SMS_SEGMENTS) {
                return text;
            }
        }
        // Many appointments on one day: keep the start and the link
        String tail = link == null ? "" : " " + link;
        return GsmText.truncate(text, 153 * MAX_SMS_SEGMENTS - GsmText.septets(GsmText.toGsm(tail)) - 3) + "..." + tail;
    }

    static String line(NotificationKind kind, List<AppointmentView> appointments, String link, int addressMax, int nameMax) {
        return line(Language.FR, kind, appointments, link, addressMax, nameMax);
    }

    static String line(Language lang, NotificationKind kind, List<AppointmentView> appointments, String link, int addressMax,
                       int nameMax) {
        StringBuilder b = new StringBuilder(NotificationTexts.get(lang, "prefix." + kind.name(), "prefix.default"));
        AppointmentView first = appointments.get(0);
        ZonedDateTime day = first.startsAt().atZone(first.zone());
        if (appointments.size() == 1) {
            b.append(NotificationTexts.fill(lang, "one", "practice", cut(first.practiceName(), nameMax),
                    "date", SHORT_DATE.get(lang).format(day), "time", TIME.format(day)));
            motive(lang, b, first);
            address(b, first, addressMax);
        } else {
            b.append(NotificationTexts.fill(lang, "day", "date", SHORT_DATE.get(lang).format(day)));
            for (int i = 0; i < appointments.size(); i++) {
                AppointmentView a = appointments.get(i);
                b.append(NotificationTexts.get(lang, i == 0 ? "list.first" : "list.next"))
                        .append(TIME.format(a.startsAt().atZone(a.zone()))).append(' ')
                        .append(cut(a.practiceName(), nameMax));
                motive(lang, b, a);
                address(b, a, addressMax);
            }
        }
        b.append('.');
        if (kind == NotificationKind.CANCELLED) {
            b.append(NotificationTexts.fill(lang, "cancelled.phone", "phone", String.valueOf(first.practicePhone())));
        }
        if (link != null) {
            b.append(NotificationTexts.fill(lang, "confirm.link", "link", link));
        }
        return b.toString();
    }

    private static void motive(Language lang, StringBuilder b, AppointmentView a) {
        String label = a.motiveLabel(lang);
        if (label != null && !label.isBlank()) {
            b.append(" (").append(label).append(')');
        }
    }

    private static void address(StringBuilder b, AppointmentView a, int max) {
        if (max > 0 && a.address() != null) {
            b.append(", ").append(cut(a.address(), max));
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max).trim();
    }

    private static String when(Language lang, ZonedDateTime t) {
        return NotificationTexts.fill(lang, "at", "date", LONG_DATE.get(lang).format(t), "time", TIME.format(t));
    }

    private static String emailText(Language lang, NotificationKind kind, List<AppointmentView> appointments, String link) {
        StringBuilder b = new StringBuilder(NotificationTexts.get(lang, "email.hello")).append("\n\n")
                .append(intro(lang, kind)).append("\n\n");
        for (AppointmentView a : appointments) {
            ZonedDateTime t = a.startsAt().atZone(a.zone());
            b.append("- ").append(when(lang, t)).append('\n')
                    .append("  ").append(a.practiceName()).append('\n')
                    .append("  ").append(a.address()).append('\n');
            if (a.motiveLabel(lang) != null) {
                b.append("  ").append(a.motiveLabel(lang)).append('\n');
            }
        }
        if (link != null) {
            b.append('\n').append(NotificationTexts.fill(lang, "confirm.link", "link", link).trim()).append('\n');
        }
        b.append('\n').append(NotificationTexts.get(lang, "email.cancelEarly")).append('\n')
                .append(NotificationTexts.fill(lang, "email.questions", "phone", String.valueOf(appointments.get(0).practicePhone())))
                .append("\n\nCreneau\n");
        return b.toString();
    }

    private static String emailHtml(Language lang, NotificationKind kind, List<AppointmentView> appointments, String link) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"").append(NotificationTexts.get(lang, "html.lang"))
                .append("\"><body><p>").append(esc(NotificationTexts.get(lang, "email.hello"))).append("</p><p>")
                .append(esc(intro(lang, kind))).append("</p><ul>");
        for (AppointmentView a : appointments) {
            ZonedDateTime t = a.startsAt().atZone(a.zone());
            b.append("<li><strong>").append(esc(when(lang, t)))
                    .append("</strong><br>").append(esc(a.practiceName())).append("<br>").append(esc(a.address()));
            if (a.motiveLabel(lang) != null) {
                b.append("<br>").append(esc(a.motiveLabel(lang)));
            }
            b.append("</li>");
        }
        b.append("</ul>");
        if (link != null) {
            b.append("<p><a href=\"").append(esc(link)).append("\">").append(esc(NotificationTexts.get(lang, "confirm.button")))
                    .append("</a></p>");
        }
        b.append("<p>").append(esc(NotificationTexts.get(lang, "email.cancelEarly"))).append("</p>")
                .append("<p>").append(esc(NotificationTexts.fill(lang, "email.questions", "phone",
                        String.valueOf(appointments.get(0).practicePhone())))).append("</p>")
                .append("<p>Creneau</p></body></html>");
        return b.toString();
    }

    private static String intro(Language lang, NotificationKind kind) {
        return NotificationTexts.get(lang, "intro." + kind.name(), "intro.default");
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---------------------------------------------------------------- absences and their fallout

    /**
     * What an absence notice carries besides the appointment: the practice's emergency number, who replaces the
     * practitioner (free text set by the practice), and the proposed starts (times only: no practitioner name,
     * which could tell a specialty on a lock screen).
     */
    public record AbsenceNotice(String emergencyNumber, String substitute, List<java.time.Instant> proposals) {
    }

    public RenderedMessage renderAbsence(NotificationKind kind, DeliveryChannel channel, AppointmentView a,
                                         AbsenceNotice notice, String link) {
        return renderAbsence(Language.FR, kind, channel, a, notice, link);
    }

    /**
     * ABSENCE_CANCELLED and ABSENCE_PROPOSAL. Push and SMS name the practice, date, time and address (and the motive
     * only when the practice opted it in), then the phone, the emergency number and the substitute, within two GSM-7
     * parts: the substitute, the address and the practice name are cut, in that order, never the numbers or the link.
     */
    public RenderedMessage renderAbsence(Language lang, NotificationKind kind, DeliveryChannel channel, AppointmentView a,
                                         AbsenceNotice notice, String link) {
        String title = title(lang, kind);
        if (channel != DeliveryChannel.EMAIL) {
            String text = "";
            int[][] cuts = {{1000, 1000, 200}, {1000, 1000, 60}, {60, 1000, 60}, {40, 40, 40}, {0, 30, 30}, {0, 20, 0}};
            for (int[] cut : cuts) {
                text = GsmText.toGsm(absenceLine(lang, kind, a, notice, link, cut[0], cut[1], cut[2]));
                if (GsmText.segments(text) <= MAX_SMS_SEGMENTS) {
                    break;
                }
            }
            return new RenderedMessage(title, text, null, null, null, null);
        }
        String shortText = absenceLine(lang, kind, a, notice, link, 1000, 1000, 200);
        String cancelled = NotificationTexts.fill(lang, "absence.email.cancelled", "when", when(lang, a.startsAt().atZone(a.zone())));
        String hello = NotificationTexts.get(lang, "email.hello");
        StringBuilder text = new StringBuilder(hello).append("\n\n").append(cancelled).append("\n  ")
                .append(a.practiceName()).append('\n').append("  ").append(a.address()).append('\n');
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(NotificationTexts.get(lang, "html.lang"))
                .append("\"><body><p>").append(esc(hello)).append("</p><p>")
                .append(esc(cancelled)).append("<br>").append(esc(a.practiceName())).append("<br>")
                .append(esc(a.address())).append("</p>");
        if (a.motiveLabel(lang) != null) {
            text.append("  ").append(a.motiveLabel(lang)).append('\n');
        }
        if (link != null) {
            String proposed = NotificationTexts.get(lang, "absence.email.proposals");
            text.append('\n').append(proposed).append('\n');
            html.append("<p>").append(esc(proposed)).append("</p><ul>");
            for (java.time.Instant p : notice.proposals()) {
                String at = when(lang, p.atZone(a.zone()));
                text.append("- ").append(at).append('\n');
                html.append("<li>").append(esc(at)).append("</li>");
            }
            text.append('\n').append(NotificationTexts.get(lang, "absence.email.choose")).append(' ').append(link).append('\n');
            html.append("</ul><p><a href=\"").append(esc(link)).append("\">")
                    .append(esc(NotificationTexts.get(lang, "absence.email.chooseButton"))).append("</a> ")
                    .append(esc(NotificationTexts.get(lang, "absence.email.orInApp"))).append("</p>");
        } else {
            String other = NotificationTexts.fill(lang, "absence.email.other", "phone", String.valueOf(a.practicePhone()));
            text.append('\n').append(other).append('\n');
            html.append("<p>").append(esc(other)).append("</p>");
        }
        String help = absenceHelp(lang, a, notice, 200);
        text.append('\n').append(help).append("\n\nCreneau\n");
        html.append("<p>").append(esc(help)).append("</p><p>Creneau</p></body></html>");
        return new RenderedMessage(title, shortText, NotificationTexts.fill(lang, "email.subject", "title", title,
                "practice", a.practiceName()), text.toString(), html.toString(), null);
    }

    static String absenceLine(NotificationKind kind, AppointmentView a, AbsenceNotice notice, String link,
                              int addressMax, int nameMax, int substituteMax) {
        return absenceLine(Language.FR, kind, a, notice, link, addressMax, nameMax, substituteMax);
    }

    static String absenceLine(Language lang, NotificationKind kind, AppointmentView a, AbsenceNotice notice, String link,
                              int addressMax, int nameMax, int substituteMax) {
        ZonedDateTime day = a.startsAt().atZone(a.zone());
        StringBuilder b = new StringBuilder(NotificationTexts.fill(lang, "absence.line", "practice", cut(a.practiceName(), nameMax),
                "date", SHORT_DATE.get(lang).format(day), "time", TIME.format(day)));
        motive(lang, b, a);
        address(b, a, addressMax);
        b.append('.');
        if (link != null) {
            int n = notice.proposals().size();
            b.append(NotificationTexts.fill(lang, n > 1 ? "absence.proposed.many" : "absence.proposed.one",
                    "count", Integer.toString(n), "link", link));
        }
        b.append(' ').append(absenceHelp(lang, a, notice, substituteMax));
        return b.toString();
    }

    /** Where to turn meanwhile: the practice, the emergency number, the substitute when there is one. */
    private static String absenceHelp(Language lang, AppointmentView a, AbsenceNotice notice, int substituteMax) {
        StringBuilder b = new StringBuilder(NotificationTexts.fill(lang, "absence.help", "phone", String.valueOf(a.practicePhone()),
                "emergency", notice.emergencyNumber() == null ? "15" : notice.emergencyNumber()));
        if (notice.substitute() != null && !notice.substitute().isBlank() && substituteMax > 0) {
            b.append(NotificationTexts.fill(lang, "absence.substitute", "substitute", cut(notice.substitute().trim(), substituteMax)));
        }
        return b.toString();
    }
}
