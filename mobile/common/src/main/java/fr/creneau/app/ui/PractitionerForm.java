package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.layouts.BoxLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.model.api.MotiveDto;
import fr.creneau.model.api.PracticeDto;

import java.util.List;

/**
 * A practitioner: their practice, the "when we are closed" card when they are away, and the motives to choose
 * from, each with its duration and preparation instructions.
 */
public class PractitionerForm {
    private final Form form;
    private final BookingContext ctx;
    private final Container body = new Container(BoxLayout.y());
    private final SpanLabel msg = Ui.messageArea("practitionerMessage");

    public PractitionerForm(BookingContext ctx, Form back) {
        this.ctx = ctx;
        form = Ui.form("practitioner.title", "Practitioner", back);
        form.add(Ui.line(ctx.practitioner.fullName(), "ScreenHeading"));
        if (ctx.practitioner.specialty != null) {
            form.add(Ui.line(Ui.trOr("specialty." + ctx.practitioner.specialty, ctx.practitioner.specialty),
                    "CardMeta"));
        }
        form.add(msg);
        form.add(body);
        form.addShowListener(e -> {
            if (body.getComponentCount() == 0) {
                load();
            }
        });
    }

    private void load() {
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        ApiResult<PracticeDto> pr = Api.practice(ctx.practitioner.practiceId);
        if (pr.ok()) {
            ctx.practice = pr.value;
            body.add(Ui.line(pr.value.name, "CardLine"));
            if (!Boolean.TRUE.equals(ctx.practitioner.absentNow)) {
                // emergency number, reachable hours and substitute, one tap away
                final Container closed = new Container(BoxLayout.y());
                closed.add(Ui.secondary("closed.show", "closedInfoButton", e -> {
                    closed.removeAll();
                    closed.add(ClosedInfo.of(ctx.practice, "closed.whenClosed"));
                    form.revalidate();
                }));
                body.add(closed);
            }
        }
        if (Boolean.TRUE.equals(ctx.practitioner.absentNow)) {
            body.add(ClosedInfo.of(ctx.practice, "closed.practitionerAway"));
        }
        ApiResult<List<MotiveDto>> res = Api.practitionerMotives(ctx.practitioner.id);
        if (!res.ok()) {
            Ui.showMessage(msg, res.message(), true);
            form.revalidate();
            return;
        }
        Ui.showMessage(msg, null, false);
        body.add(Ui.title(Ui.tr("practitioner.chooseMotive")));
        int shown = 0;
        for (int i = 0; i < res.value.size(); i++) {
            final MotiveDto m = res.value.get(i);
            if (!ctx.staff && (!m.bookableOnline || m.urgencyReserve)) {
                continue; // the server only lists online motives to patients; staff see them all
            }
            shown++;
            String lang = I18n.language();
            // one card per motive: label, duration and what to bring, wrapped, the whole card a touch target
            String prep = m.preparation(lang);
            Container card = Ui.card(Ui.line(m.label(lang), "CardTitle"),
                    Ui.line(Ui.tr("motive.minutes", m.durationMinutes), "CardMeta"),
                    prep != null && prep.length() > 0 ? Ui.line(Ui.tr("motive.preparation", prep), "CardLine") : null);
            Ui.tappable(card, "motive-" + m.id, e -> {
                ctx.motive = m;
                new SlotsForm(ctx, form).show();
            });
            body.add(card);
        }
        if (shown == 0) {
            body.add(Ui.text(Ui.tr("practitioner.noMotive"), "EmptyText"));
        }
        form.revalidate();
    }

    public void show() {
        form.show();
    }
}
