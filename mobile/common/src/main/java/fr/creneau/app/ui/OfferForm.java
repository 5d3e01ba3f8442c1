package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.PracticeDto;
import fr.creneau.model.api.WaitlistOfferDto;

/**
 * A freed slot offered from the waitlist: claim it (the first claim books it) or decline it (the next patient in line
 * is offered it at once). After the expiry, or once someone else was first, the server says so and this says it.
 */
public class OfferForm {
    private final Form form;
    private final WaitlistOfferDto offer;
    private final SpanLabel msg = Ui.messageArea("offerMessage");

    public OfferForm(final WaitlistOfferDto offer, Form back) {
        this.offer = offer;
        form = Ui.form("offer.title", "Offer", back);
        String tz = tz(offer);
        form.add(Ui.text(Ui.tr("offer.intro"), "Hint"));
        form.add(Ui.line(I18n.dates().dateTime(offer.start, tz), "ScreenHeading"));
        form.add(Ui.line(offer.practitionerName == null ? "" : offer.practitionerName, "CardLine"));
        form.add(Ui.line(offer.motiveLabel(I18n.language()) == null ? "" : offer.motiveLabel(I18n.language()), "CardLine"));
        form.add(Ui.line(offer.practiceName == null ? "" : offer.practiceName, "CardLine"));
        if (offer.patientName != null) {
            form.add(Ui.line(Ui.tr("confirm.patient", offer.patientName), "CardLine"));
        }
        form.add(Ui.text(Ui.tr("offer.expires", I18n.dates().time(fr.creneau.app.logic.Instants.parse(offer.expiresAt), tz)),
                "CardMeta"));
        form.add(msg);
        form.add(Ui.primary("offer.claim", "claimButton", e -> claim()));
        form.add(Ui.secondary("offer.decline", "declineButton", e -> {
            ApiResult<Void> res = Api.declineOffer(offer.id);
            if (res.ok() || res.status == 204) {
                Ui.showMessage(msg, Ui.tr("offer.declined"), false);
                form.putClientProperty("outcome", "declined");
            } else {
                Ui.showMessage(msg, res.message(), true);
            }
        }));
    }

    private void claim() {
        ApiResult<AppointmentDto> res = Api.claimOffer(offer.id);
        if (res.ok() && res.value != null) {
            BookingContext ctx = new BookingContext();
            ApiResult<PracticeDto> practice = Api.practice(offer.practiceId);
            ctx.practice = practice.ok() ? practice.value : null;
            new BookedForm(res.value, ctx).show();
            return;
        }
        // 409 slot_taken (someone else was first) or 410 offer_expired: the translated reason, inline
        Ui.showMessage(msg, res.message(), true);
        form.putClientProperty("outcome", res.code());
    }

    private static String tz(WaitlistOfferDto o) {
        return o.timezone != null ? o.timezone : "Europe/Paris";
    }

    /** The home's (and the waitlist's) card for an open offer: a tap opens it. */
    static Container banner(final WaitlistOfferDto offer, final Form back) {
        Container card = Ui.card(Ui.line(Ui.tr("offer.banner"), "CardTitle"),
                Ui.line(I18n.dates().dateTime(offer.start, tz(offer)), "CardLine"),
                Ui.line(offer.practitionerName == null ? "" : offer.practitionerName, "CardMeta"));
        Ui.tappable(card, "offer-" + offer.id, e -> new OfferForm(offer, back).show());
        return card;
    }

    public void show() {
        form.show();
    }
}
