package fr.creneau.app.ui;

import com.codename1.ui.Component;
import com.codename1.ui.Container;
import com.codename1.ui.Label;
import com.codename1.ui.events.ActionListener;
import com.codename1.ui.layouts.BorderLayout;
import com.codename1.ui.layouts.BoxLayout;
import com.codename1.ui.layouts.FlowLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.logic.PracticeZones;
import fr.creneau.model.api.PatientRequestDto;
import fr.creneau.model.triage.Priority;
import fr.creneau.model.triage.TriageAnswers;

/** How a request shows: priority badge, type, state, and its clinical answers line by line. */
public final class RequestView {
    private RequestView() {
    }

    public static Label priorityBadge(Priority p, String name) {
        Label l = new Label(Ui.tr("priority." + (p == null ? "ROUTINE" : p.name())));
        l.setUIID(p == Priority.EMERGENCY ? "PriorityEmergency" : p == Priority.URGENT ? "PriorityUrgent"
                : "PriorityRoutine");
        l.setName(name);
        return l;
    }

    public static Label statusBadge(PatientRequestDto r) {
        Label l = new Label(Ui.tr("requestStatus." + (r.status == null ? "NEW" : r.status.name())));
        l.setUIID("StatusBooked");
        l.setName("reqStatus-" + r.id);
        return l;
    }

    /** A list card: badges, type, patient, when (practice time zone). */
    public static Container card(PatientRequestDto r, String tz, boolean showPatient, String name,
                                 ActionListener open) {
        Container badges = new Container(new FlowLayout());
        badges.add(priorityBadge(r.priority, "prio-" + r.id)).add(statusBadge(r));
        String when = r.createdAt == null ? "" : I18n.dates().dateTime(r.createdAt, tz);
        String meta = when;
        if (r.replyCount != null && r.replyCount.intValue() > 0) {
            meta = meta + " · " + Ui.tr("request.replies", r.replyCount);
        }
        if (r.channel != null) {
            meta = meta + " · " + Ui.channel(r.channel);
        }
        Container c = Ui.card(badges, Ui.line(Ui.tr("type." + (r.type == null ? "" : r.type.name())), "CardTitle"),
                showPatient && r.patientName != null ? Ui.line(r.patientName, "CardLine") : null,
                Ui.line(meta, "CardMeta"));
        Ui.tappable(c, name, open);
        return c;
    }

    /** The clinical answers, one line each (only what was filled). */
    public static Component answers(TriageAnswers a) {
        Container c = new Container(BoxLayout.y());
        c.setName("answers");
        add(c, "field.medication", a.medication);
        add(c, "field.since", a.since == null ? null : I18n.dates().date(a.since));
        add(c, "field.symptoms", a.symptoms);
        add(c, "field.severity", a.severity == null ? null : Ui.tr("severity." + a.severity.name()));
        add(c, "field.temperature", a.temperature == null ? null : temperature(a.temperature));
        add(c, "field.testName", a.testName);
        if (a.resultsMarkedUrgent) {
            add(c, "field.resultsMarkedUrgent", Ui.tr("common.yes"));
        }
        add(c, "field.documentKind", a.documentKind == null ? null : Ui.tr("document." + a.documentKind.name()));
        add(c, "field.purpose", a.purpose);
        add(c, "field.question", a.question);
        add(c, "field.message", a.message);
        return c;
    }

    /** 39.2 as "39,2 °C" in French, "39.2 °C" in English. */
    static String temperature(Double t) {
        String s = String.valueOf(Math.floor(t.doubleValue() * 10 + 0.5) / 10.0);
        return ("fr".equals(I18n.language()) ? s.replace('.', ',') : s) + " °C";
    }

    private static void add(Container c, String key, String value) {
        if (value != null && value.length() > 0) {
            c.add(Ui.line(Ui.tr("common.labelValue", Ui.tr(key), value), "CardLine"));
        }
    }

    /** The reasons of the grid, translated ({@code triage.<code>}). */
    public static String reasons(java.util.List<String> codes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; codes != null && i < codes.size(); i++) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(Ui.trOr("triage." + codes.get(i), codes.get(i)));
        }
        return sb.toString();
    }

    /** The practice's time zone (asked once per practice), Europe/Paris when unknown or offline. */
    public static String zone(Long practiceId) {
        if (practiceId == null) {
            return PracticeZones.DEFAULT;
        }
        String z = PracticeZones.known(practiceId);
        if (z == null) {
            fr.creneau.app.api.ApiResult<fr.creneau.model.api.PracticeDto> p = fr.creneau.app.api.Api.practice(practiceId);
            if (!p.ok() || p.value.timezone == null) {
                return PracticeZones.DEFAULT;
            }
            z = p.value.timezone;
            PracticeZones.remember(practiceId, z);
        }
        return z;
    }

    static Container row(Component left, Component right) {
        Container c = new Container(new BorderLayout());
        c.add(BorderLayout.CENTER, left);
        if (right != null) {
            c.add(BorderLayout.EAST, right);
        }
        return c;
    }
}
