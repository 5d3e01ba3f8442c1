package fr.creneau.backend.notification;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of each message, in French. Push and SMS say where and when only (practice, date, time, address),
 * plus the motive when the practice opted that motive in; never a patient name, a practitioner's specialty or a
 * note, since a lock screen or a shared phone shows them to anyone. An SMS always fits two GSM-7 parts.
 */
public final class MessageRenderer {
    public static final int MAX_SMS_SEGMENTS = 2;
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("EEE dd/MM", Locale.FRENCH);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRENCH);

    /** Address and practice name are cut down, in that order, until the SMS fits; the link is never cut. */
    private static final int[][] SHORTENINGS = {{1000, 1000}, {60, 1000}, {40, 40}, {0, 30}, {0, 20}};

    /**
     * @param link the confirm/cancel link for the kinds that ask for it, else null
     */
    public RenderedMessage render(NotificationKind kind, DeliveryChannel channel, List<AppointmentView> appointments, String link) {
        String title = title(kind);
        String shortText = channel == DeliveryChannel.EMAIL ? line(kind, appointments, link, 1000, 1000) : fitSms(kind, appointments, link);
        if (channel != DeliveryChannel.EMAIL) {
            return new RenderedMessage(title, shortText, null, null, null, null);
        }
        String text = emailText(kind, appointments, link);
        String html = emailHtml(kind, appointments, link);
        byte[] ics = kind == NotificationKind.CANCELLED ? null : IcsWriter.write(appointments);
        return new RenderedMessage(title, shortText, title + " - " + appointments.get(0).practiceName(), text, html, ics);
    }

    /**
     * A practice answered a request. Push only, and it names the practice and nothing else: not the kind of
     * request, not a medication, not a word of the reply, which the app shows after sign-in.
     */
    public RenderedMessage renderRequestAnswered(String practiceName) {
        String title = title(NotificationKind.REQUEST_ANSWERED);
        String text = GsmText.toGsm(cut(practiceName, 60) + " a répondu à votre demande. Ouvrez l'application pour lire la réponse.");
        return new RenderedMessage(title, text, null, null, null, null);
    }

    /**
     * A slot freed up at a practice the patient waits for: the practice, the date and the time, never the motive
     * or the practitioner. Push and SMS alike, within one GSM-7 part.
     */
    public RenderedMessage renderWaitlistOffer(String practiceName, java.time.LocalDate day, String hhmm) {
        String title = title(NotificationKind.WAITLIST_OFFER);
        String text = GsmText.toGsm("Un créneau s'est libéré : " + cut(practiceName, 40) + ", "
                + SHORT_DATE.format(day) + " à " + hhmm + ". Réservez-le dans l'application ou appelez le cabinet.");
        return new RenderedMessage(title, text, null, null, null, null);
    }

    // ---- waitlist (noshow branch): kept in a block of their own to ease merges

    /**
     * A waitlist offer went to someone else first: the practice, date and time only, and that the patient is still
     * waiting. Push and SMS alike, within one GSM-7 part.
     */
    public RenderedMessage renderWaitlistGone(String practiceName, java.time.LocalDate day, String hhmm) {
        String title = title(NotificationKind.WAITLIST_GONE);
        String text = GsmText.toGsm("Le créneau du " + SHORT_DATE.format(day) + " à " + hhmm + " (" + cut(practiceName, 40)
                + ") a été pris. Vous restez sur la liste d'attente.");
        return new RenderedMessage(title, text, null, null, null, null);
    }
    // ---- end of the waitlist block

    static String title(NotificationKind kind) {
        return switch (kind) {
            case BOOKED_CONFIRMATION -> "Rendez-vous confirmé";
            case REMINDER_48H_CONFIRM, ESCALATION_SMS -> "Confirmez votre rendez-vous";
            case MOVED -> "Rendez-vous déplacé";
            case CANCELLED -> "Rendez-vous annulé";
            case ABSENCE_NOTICE -> "Information sur votre rendez-vous";
            case WAITLIST_OFFER -> "Un créneau s'est libéré";
            case REQUEST_ANSWERED -> "Réponse de votre cabinet";
            case WAITLIST_GONE -> "Créneau déjà pris";
            default -> "Rappel de rendez-vous";
        };
    }

    /** Push text and SMS: GSM-7 and at most two parts. A push has more room, but short is better on a lock screen. */
    private String fitSms(NotificationKind kind, List<AppointmentView> appointments, String link) {
        String text = "";
        for (int[] cut : SHORTENINGS) {
            text = GsmText.toGsm(line(kind, appointments, link, cut[0], cut[1]));
            if (GsmText.segments(text) <= MAX_SMS_SEGMENTS) {
                return text;
            }
        }
        // Many appointments on one day: keep the start and the link
        String tail = link == null ? "" : " " + link;
        return GsmText.truncate(text, 153 * MAX_SMS_SEGMENTS - GsmText.septets(GsmText.toGsm(tail)) - 3) + "..." + tail;
    }

    static String line(NotificationKind kind, List<AppointmentView> appointments, String link, int addressMax, int nameMax) {
        StringBuilder b = new StringBuilder(prefix(kind));
        AppointmentView first = appointments.get(0);
        ZonedDateTime day = first.startsAt().atZone(first.zone());
        if (appointments.size() == 1) {
            b.append(' ').append(cut(first.practiceName(), nameMax)).append(", ").append(SHORT_DATE.format(day))
                    .append(" à ").append(TIME.format(day));
            motive(b, first);
            address(b, first, addressMax);
        } else {
            b.append(' ').append(SHORT_DATE.format(day)).append(" :");
            for (int i = 0; i < appointments.size(); i++) {
                AppointmentView a = appointments.get(i);
                b.append(i == 0 ? " " : " ; ").append(TIME.format(a.startsAt().atZone(a.zone()))).append(' ')
                        .append(cut(a.practiceName(), nameMax));
                motive(b, a);
                address(b, a, addressMax);
            }
        }
        b.append('.');
        if (kind == NotificationKind.CANCELLED) {
            b.append(" Pour un autre RDV : ").append(first.practicePhone()).append('.');
        }
        if (link != null) {
            b.append(" Confirmer ou annuler : ").append(link);
        }
        return b.toString();
    }

    private static String prefix(NotificationKind kind) {
        return switch (kind) {
            case BOOKED_CONFIRMATION -> "RDV confirmé :";
            case REMINDER_48H_CONFIRM, ESCALATION_SMS -> "Merci de confirmer votre RDV :";
            case REMINDER_2H -> "Rappel, RDV aujourd'hui :";
            case MOVED -> "RDV déplacé, nouvel horaire :";
            case CANCELLED -> "RDV annulé :";
            default -> "Rappel RDV :";
        };
    }

    private static void motive(StringBuilder b, AppointmentView a) {
        if (a.motiveLabel() != null && !a.motiveLabel().isBlank()) {
            b.append(" (").append(a.motiveLabel()).append(')');
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

    private static String emailText(NotificationKind kind, List<AppointmentView> appointments, String link) {
        StringBuilder b = new StringBuilder("Bonjour,\n\n").append(intro(kind)).append("\n\n");
        for (AppointmentView a : appointments) {
            ZonedDateTime t = a.startsAt().atZone(a.zone());
            b.append("- ").append(LONG_DATE.format(t)).append(" à ").append(TIME.format(t)).append('\n')
                    .append("  ").append(a.practiceName()).append('\n')
                    .append("  ").append(a.address()).append('\n');
            if (a.motiveLabel() != null) {
                b.append("  ").append(a.motiveLabel()).append('\n');
            }
        }
        if (link != null) {
            b.append("\nConfirmer ou annuler : ").append(link).append('\n');
        }
        b.append("\nEmpêché(e) ? Annulez au plus tôt : le créneau servira à un autre patient.\n")
                .append("Pour toute question : ").append(appointments.get(0).practicePhone()).append("\n\nCreneau\n");
        return b.toString();
    }

    private static String emailHtml(NotificationKind kind, List<AppointmentView> appointments, String link) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body>")
                .append("<p>Bonjour,</p><p>").append(esc(intro(kind))).append("</p><ul>");
        for (AppointmentView a : appointments) {
            ZonedDateTime t = a.startsAt().atZone(a.zone());
            b.append("<li><strong>").append(esc(LONG_DATE.format(t))).append(" à ").append(TIME.format(t))
                    .append("</strong><br>").append(esc(a.practiceName())).append("<br>").append(esc(a.address()));
            if (a.motiveLabel() != null) {
                b.append("<br>").append(esc(a.motiveLabel()));
            }
            b.append("</li>");
        }
        b.append("</ul>");
        if (link != null) {
            b.append("<p><a href=\"").append(esc(link)).append("\">Confirmer ou annuler</a></p>");
        }
        b.append("<p>Empêché(e) ? Annulez au plus tôt : le créneau servira à un autre patient.</p>")
                .append("<p>Pour toute question : ").append(esc(appointments.get(0).practicePhone())).append("</p>")
                .append("<p>Creneau</p></body></html>");
        return b.toString();
    }

    private static String intro(NotificationKind kind) {
        return switch (kind) {
            case BOOKED_CONFIRMATION -> "Votre rendez-vous est enregistré.";
            case REMINDER_WEEK -> "Nous vous rappelons votre rendez-vous dans une semaine.";
            case REMINDER_48H_CONFIRM, ESCALATION_SMS -> "Merci de confirmer votre venue, ou d'annuler si vous êtes empêché(e).";
            case REMINDER_2H -> "Votre rendez-vous approche.";
            case MOVED -> "Votre rendez-vous a été déplacé. Voici le nouvel horaire.";
            case CANCELLED -> "Votre rendez-vous a été annulé.";
            default -> "Information sur votre rendez-vous.";
        };
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---------------------------------------------------------------- absences and their fallout (branch absence)

    /**
     * What an absence notice carries besides the appointment: the practice's emergency number, who replaces the
     * practitioner (free text set by the practice), and the proposed starts (times only: no practitioner name,
     * which could tell a specialty on a lock screen).
     */
    public record AbsenceNotice(String emergencyNumber, String substitute, List<java.time.Instant> proposals) {
    }

    /**
     * ABSENCE_CANCELLED and ABSENCE_PROPOSAL. Push and SMS name the practice, date, time and address (and the motive
     * only when the practice opted it in), then the phone, the emergency number and the substitute, within two GSM-7
     * parts: the substitute, the address and the practice name are cut, in that order, never the numbers or the link.
     */
    public RenderedMessage renderAbsence(NotificationKind kind, DeliveryChannel channel, AppointmentView a,
                                         AbsenceNotice notice, String link) {
        String title = kind == NotificationKind.ABSENCE_PROPOSAL ? "Rendez-vous annulé : nouveaux créneaux proposés"
                : "Rendez-vous annulé : praticien absent";
        if (channel != DeliveryChannel.EMAIL) {
            String text = "";
            int[][] cuts = {{1000, 1000, 200}, {1000, 1000, 60}, {60, 1000, 60}, {40, 40, 40}, {0, 30, 30}, {0, 20, 0}};
            for (int[] cut : cuts) {
                text = GsmText.toGsm(absenceLine(kind, a, notice, link, cut[0], cut[1], cut[2]));
                if (GsmText.segments(text) <= MAX_SMS_SEGMENTS) {
                    break;
                }
            }
            return new RenderedMessage(title, text, null, null, null, null);
        }
        String shortText = absenceLine(kind, a, notice, link, 1000, 1000, 200);
        ZonedDateTime t = a.startsAt().atZone(a.zone());
        StringBuilder text = new StringBuilder("Bonjour,\n\nLe praticien est absent : votre rendez-vous du ")
                .append(LONG_DATE.format(t)).append(" à ").append(TIME.format(t)).append(" est annulé.\n  ")
                .append(a.practiceName()).append('\n').append("  ").append(a.address()).append('\n');
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body><p>Bonjour,</p><p>")
                .append(esc("Le praticien est absent : votre rendez-vous du " + LONG_DATE.format(t) + " à "
                        + TIME.format(t) + " est annulé.")).append("<br>").append(esc(a.practiceName())).append("<br>")
                .append(esc(a.address())).append("</p>");
        if (a.motiveLabel() != null) {
            text.append("  ").append(a.motiveLabel()).append('\n');
        }
        if (link != null) {
            text.append("\nNous vous proposons ces créneaux :\n");
            html.append("<p>Nous vous proposons ces créneaux :</p><ul>");
            for (java.time.Instant p : notice.proposals()) {
                ZonedDateTime pt = p.atZone(a.zone());
                text.append("- ").append(LONG_DATE.format(pt)).append(" à ").append(TIME.format(pt)).append('\n');
                html.append("<li>").append(esc(LONG_DATE.format(pt))).append(" à ").append(TIME.format(pt)).append("</li>");
            }
            text.append("\nChoisir un créneau (ou dans l'application) : ").append(link).append('\n');
            html.append("</ul><p><a href=\"").append(esc(link)).append("\">Choisir un créneau</a> (ou dans l'application)</p>");
        } else {
            text.append("\nPour un autre rendez-vous : ").append(a.practicePhone()).append('\n');
            html.append("<p>Pour un autre rendez-vous : ").append(esc(a.practicePhone())).append("</p>");
        }
        String help = absenceHelp(a, notice, 200);
        text.append('\n').append(help).append("\n\nCreneau\n");
        html.append("<p>").append(esc(help)).append("</p><p>Creneau</p></body></html>");
        return new RenderedMessage(title, shortText, title + " - " + a.practiceName(), text.toString(), html.toString(), null);
    }

    static String absenceLine(NotificationKind kind, AppointmentView a, AbsenceNotice notice, String link,
                              int addressMax, int nameMax, int substituteMax) {
        ZonedDateTime day = a.startsAt().atZone(a.zone());
        StringBuilder b = new StringBuilder("Praticien absent, RDV annulé : ").append(cut(a.practiceName(), nameMax))
                .append(", ").append(SHORT_DATE.format(day)).append(" à ").append(TIME.format(day));
        motive(b, a);
        address(b, a, addressMax);
        b.append('.');
        if (link != null) {
            int n = notice.proposals().size();
            b.append(' ').append(n).append(n > 1 ? " créneaux proposés" : " créneau proposé")
                    .append(" : ").append(link).append(" (ou dans l'appli).");
        }
        b.append(' ').append(absenceHelp(a, notice, substituteMax));
        return b.toString();
    }

    /** Where to turn meanwhile: the practice, the emergency number, the substitute when there is one. */
    private static String absenceHelp(AppointmentView a, AbsenceNotice notice, int substituteMax) {
        StringBuilder b = new StringBuilder("Cabinet ").append(a.practicePhone()).append(". Urgence : ")
                .append(notice.emergencyNumber() == null ? "15" : notice.emergencyNumber()).append('.');
        if (notice.substitute() != null && !notice.substitute().isBlank() && substituteMax > 0) {
            b.append(" Remplaçant : ").append(cut(notice.substitute().trim(), substituteMax)).append('.');
        }
        return b.toString();
    }
}
