package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.layouts.BoxLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.model.api.AbsenceFalloutDto;
import fr.creneau.model.api.AbsenceProposalDto;
import fr.creneau.model.api.AppointmentDto;

import java.util.List;

/**
 * The slots a practice proposes after cancelling an appointment because the practitioner is away: for each
 * cancelled appointment, the proposed slots (when, with whom) and where to turn meanwhile (the practice, the
 * emergency number, the substitute). Tapping a slot books it; a slot taken meanwhile says so inline and the
 * list reloads with the others still there.
 */
public class ProposalsForm {
    private final Form form;
    private final SpanLabel msg = Ui.messageArea("proposalsMessage");
    private final Container list = new Container(BoxLayout.y());
    private int loads;

    public ProposalsForm(Form back) {
        form = Ui.form("proposals.title", "Proposals", back);
        form.add(Ui.line(Ui.tr("proposals.intro"), "CardMeta"));
        form.add(msg);
        form.add(list);
        form.addShowListener(e -> load(null, false));
    }

    private void load(String message, boolean error) {
        ApiResult<List<AbsenceFalloutDto>> res = Api.myAbsenceProposals();
        list.removeAll();
        if (!res.ok()) {
            Ui.showMessage(msg, res.message(), true);
        } else {
            Ui.showMessage(msg, message, error);
            if (res.value.isEmpty()) {
                list.add(Ui.text(Ui.tr("proposals.none"), "EmptyText"));
            }
            for (int i = 0; i < res.value.size(); i++) {
                show(res.value.get(i));
            }
        }
        loads++;
        form.putClientProperty("loads", Integer.valueOf(loads));
        form.revalidate();
    }

    private void show(AbsenceFalloutDto d) {
        String tz = d.timezone == null ? "Europe/Paris" : d.timezone;
        list.add(Ui.wrap(Ui.tr("proposals.cancelled", I18n.dates().dateTime(d.originalStart, tz)), "SectionTitle"));
        list.add(Ui.wrap(d.practiceName, "CardLine"));
        for (int i = 0; i < d.proposals.size(); i++) {
            final AbsenceProposalDto p = d.proposals.get(i);
            if (!"OPEN".equals(p.status)) {
                continue;
            }
            Container c = Ui.card(Ui.wrap(I18n.dates().dateTime(p.start, tz), "CardTitle"),
                    Ui.wrap(p.practitionerName, "CardLine"), Ui.wrap(Ui.tr("proposals.choose"), "CardMeta"));
            final String zone = tz;
            Ui.tappable(c, "proposal-" + i, e -> accept(p, zone));
            list.add(c);
        }
        StringBuilder help = new StringBuilder(Ui.tr("proposals.emergency", d.emergencyNumber == null ? "15" : d.emergencyNumber))
                .append('\n').append(Ui.tr("proposals.practice", d.practicePhone == null ? "" : d.practicePhone));
        if (d.substitute != null && d.substitute.length() > 0) {
            help.append('\n').append(Ui.tr("proposals.substitute", d.substitute));
        }
        SpanLabel h = Ui.text(help.toString(), "CardMeta");
        h.setName("proposalsHelp");
        list.add(h);
    }

    private void accept(AbsenceProposalDto p, String tz) {
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        ApiResult<AppointmentDto> res = Api.acceptProposal(p.id);
        if (res.ok()) {
            load(Ui.tr("proposals.booked", I18n.dates().dateTime(p.start, tz)), false);
            // set once the list is reloaded: the tests wait on it
            form.putClientProperty("accepted", res.value == null ? p.id : res.value.id);
        } else {
            // slot taken meanwhile (or already answered elsewhere): say so, and show what is still open
            load(res.message(), true);
        }
    }

    public void show() {
        form.show();
    }
}
