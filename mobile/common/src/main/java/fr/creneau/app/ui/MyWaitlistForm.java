package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.layouts.BoxLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.model.api.WaitlistEntryDto;
import fr.creneau.model.api.WaitlistOfferDto;

import java.util.List;

/** The patient's waitlist: open offers first (to claim or decline), then each wish, which they can leave. */
public class MyWaitlistForm {
    private final Form form;
    private final SpanLabel msg = Ui.messageArea("myWaitlistMessage");
    private final Container offers = new Container(BoxLayout.y());
    private final Container entries = new Container(BoxLayout.y());

    /** @param back null: back goes home */
    public MyWaitlistForm(Form back) {
        form = Ui.form("waitlist.mineTitle", "MyWaitlist", back);
        form.add(msg);
        form.add(offers);
        form.add(Ui.title(Ui.tr("waitlist.entries")));
        form.add(entries);
        if (back == null) {
            // reached right after joining: no screen to go back to, so home is one tap away
            form.add(Ui.secondary("waitlist.backHome", "homeButton", e -> Nav.home()));
        }
        form.addShowListener(e -> load());
    }

    void load() {
        offers.removeAll();
        entries.removeAll();
        ApiResult<List<WaitlistOfferDto>> o = Api.myOffers();
        if (o.ok()) {
            for (int i = 0; i < o.value.size(); i++) {
                final WaitlistOfferDto offer = o.value.get(i);
                if (offer.isOpen()) {
                    offers.add(OfferForm.banner(offer, form));
                }
            }
        }
        ApiResult<List<WaitlistEntryDto>> res = Api.myWaitlist();
        if (!res.ok()) {
            Ui.showMessage(msg, res.message(), true);
            return;
        }
        Ui.showMessage(msg, null, false);
        if (res.value.isEmpty()) {
            entries.add(Ui.text(Ui.tr("waitlist.none"), "EmptyText"));
        }
        for (int i = 0; i < res.value.size(); i++) {
            final WaitlistEntryDto d = res.value.get(i);
            String lang = I18n.language();
            String window = window(d);
            Container card = Ui.card(
                    Ui.line(d.motiveLabel(lang) == null ? "" : d.motiveLabel(lang), "CardTitle"),
                    Ui.line(d.practitionerName != null ? d.practitionerName
                            : Ui.tr("waitlist.anyoneAt", d.practiceName == null ? "" : d.practiceName), "CardLine"),
                    d.patientName == null ? null : Ui.line(Ui.tr("confirm.patient", d.patientName), "CardMeta"),
                    Ui.line(window, "CardMeta"),
                    Ui.danger("waitlist.leave", "leave-" + d.id, e -> {
                        ApiResult<Void> left = Api.leaveWaitlist(d.id);
                        if (left.ok() || left.status == 204 || left.status == 404) {
                            load();
                        } else {
                            Ui.showMessage(msg, left.message(), true);
                        }
                    }));
            card.setName("entry-" + d.id);
            entries.add(card);
        }
        form.putClientProperty("loaded", Integer.valueOf(res.value.size()));
        form.revalidate();
    }

    public void show() {
        form.show();
    }

    /** The days and hours an entry waits for, as its card shows them (patient's and staff's lists alike). */
    static String window(WaitlistEntryDto d) {
        String window = d.fromDate != null && d.fromDate.equals(d.toDate)
                ? Ui.tr("waitlist.oneDay", I18n.dates().shortDate(d.fromDate))
                : Ui.tr("waitlist.window", I18n.dates().shortDate(d.fromDate), I18n.dates().shortDate(d.toDate));
        if (d.fromTime != null && d.toTime != null) {
            window = window + " · " + Ui.tr("waitlist.timeWindow", d.fromTime, d.toTime);
        }
        return window;
    }
}
