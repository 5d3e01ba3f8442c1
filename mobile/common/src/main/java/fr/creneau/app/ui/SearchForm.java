package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Button;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import com.codename1.ui.layouts.BoxLayout;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.model.api.PractitionerDto;

import java.util.List;

/** Find a practitioner by name, specialty or practice. */
public class SearchForm {
    private final Form form;
    private final BookingContext ctx;
    private final Container results = new Container(BoxLayout.y());
    private final SpanLabel msg = Ui.messageArea("searchMessage");
    private final TextField query;
    private String specialty;

    public SearchForm(BookingContext ctx, Form back) {
        this.ctx = ctx;
        form = Ui.form("search.title", "Search", back);
        if (ctx.patient != null && ctx.staff) {
            form.add(Ui.line(Ui.tr("search.bookingFor", ctx.patient.fullName()), "InfoText"));
        }
        query = Ui.field(form, "search.query", "searchQuery", "", TextArea.ANY);
        query.setHint(Ui.tr("search.hint"));
        form.add(Ui.primary("search.submit", "searchButton", e -> search()));
        form.add(msg);
        form.add(results);
        form.addShowListener(e -> {
            if (results.getComponentCount() == 0) {
                search();
            }
        });
    }

    private void search() {
        // old results go first, so that nothing stale can be tapped while the new ones load
        results.removeAll();
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        ApiResult<List<PractitionerDto>> res = Api.practitioners(query.getText().trim(), specialty, ctx.practiceId);
        if (!res.ok()) {
            Ui.showMessage(msg, res.message(), true);
            return;
        }
        Ui.showMessage(msg, res.value.isEmpty() ? Ui.tr("search.none") : null, false);
        for (int i = 0; i < res.value.size(); i++) {
            final PractitionerDto p = res.value.get(i);
            String spec = p.specialty == null ? "" : Ui.trOr("specialty." + p.specialty, p.specialty);
            Container card = Ui.card(
                    Ui.wrap(p.fullName(), "CardTitle"),
                    Ui.wrap(spec, "CardLine"),
                    p.practiceName == null ? null : Ui.wrap(p.practiceName, "CardMeta"),
                    Boolean.TRUE.equals(p.absentNow) ? Ui.wrap(Ui.tr("practitioner.absentNow"), "WarningText") : null);
            Ui.tappable(card, "pract-" + p.id, e -> {
                ctx.practitioner = p;
                new PractitionerForm(ctx, form).show();
            });
            results.add(card);
        }
        form.putClientProperty("searchedFor", query.getText().trim());
        form.revalidate();
    }

    public void show() {
        form.show();
    }
}
