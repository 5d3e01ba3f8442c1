package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.CheckBox;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import com.codename1.ui.layouts.BoxLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.ErrorText;
import fr.creneau.app.logic.Instants;
import fr.creneau.model.api.MotiveDto;
import fr.creneau.model.api.OpeningRangeDto;
import fr.creneau.model.rules.FieldError;

import java.util.ArrayList;
import java.util.List;

/** Free time: add a one-off opening range on a date, or release an urgency-reserve range for online booking now. */
public class FreeSlotForm {
    private final Form form;
    private final Long practitionerId;
    private final SpanLabel msg = Ui.messageArea("freeMessage");
    private final Container reserves = new Container(BoxLayout.y());
    private final Container motivesBox = new Container(BoxLayout.y());
    private final List<CheckBox> motiveChecks = new ArrayList<CheckBox>();
    private final List<MotiveDto> motives = new ArrayList<MotiveDto>();
    private List<OpeningRangeDto> ranges = new ArrayList<OpeningRangeDto>();
    private final TextField date;
    private final TextField start;
    private final TextField end;

    public FreeSlotForm(Long practitionerId, String timezone, String day, Form back) {
        this.practitionerId = practitionerId;
        form = Ui.form("free.title", "FreeSlot", back);
        form.add(msg);
        date = Ui.dateField(form, "field.date", "freeDate", day);
        form.add(Ui.title(Ui.tr("free.reserveTitle")));
        form.add(reserves);
        form.add(Ui.title(Ui.tr("free.openingTitle")));
        start = Ui.field(form, "field.startTime", "freeStart", "17:00", TextArea.ANY);
        end = Ui.field(form, "field.endTime", "freeEnd", "18:00", TextArea.ANY);
        form.add(Ui.line(Ui.tr("free.motives"), "FieldLabel"));
        form.add(motivesBox);
        form.add(Ui.primary("free.addOpening", "freeAdd", e -> addOpening()));
        date.addDataChangedListener((t, i) -> renderReserves());
        form.addShowListener(e -> {
            if (motives.isEmpty()) {
                load();
            }
        });
    }

    private void load() {
        ApiResult<List<MotiveDto>> m = Api.practitionerMotives(practitionerId);
        ApiResult<List<OpeningRangeDto>> r = Api.openingRanges(practitionerId);
        if (!m.ok() || !r.ok()) {
            Ui.showMessage(msg, (!m.ok() ? m : r).message(), true);
            return;
        }
        ranges = r.value;
        motives.addAll(m.value);
        for (int i = 0; i < motives.size(); i++) {
            CheckBox cb = new CheckBox(motives.get(i).label(I18n.language()));
            cb.setName("freeMotive" + i);
            cb.setToggle(true);
            cb.setUIID("Choice");
            cb.setSelected(!motives.get(i).urgencyReserve);
            motiveChecks.add(cb);
            motivesBox.add(cb);
        }
        renderReserves();
    }

    private void renderReserves() {
        reserves.removeAll();
        String d = Ui.isoDate(date);
        if (!fr.creneau.model.rules.TimeText.isDate(d)) {
            form.revalidate();
            return;
        }
        int dow = Instants.dayOfWeek(d);
        int n = 0;
        for (int i = 0; i < ranges.size(); i++) {
            final OpeningRangeDto r = ranges.get(i);
            boolean sameDay = (r.dayOfWeek != null && r.dayOfWeek.intValue() == dow) || d.equals(r.date);
            if (!r.urgencyReserve || !sameDay) {
                continue;
            }
            n++;
            reserves.add(Ui.line(Ui.tr("free.reserveRange", r.start, r.end), "CardLine"));
            reserves.add(Ui.secondary("free.release", "release-" + r.id, e -> {
                ApiResult<Void> res = Api.releaseReserve(r.id, Ui.isoDate(date));
                Ui.showMessage(msg, res.ok() ? Ui.tr("free.released", r.start, r.end) : res.message(), !res.ok());
            }));
        }
        if (n == 0) {
            reserves.add(Ui.line(Ui.tr("free.noReserve"), "EmptyText"));
        }
        form.revalidate();
    }

    private void addOpening() {
        OpeningRangeDto r = new OpeningRangeDto();
        r.practitionerId = practitionerId;
        r.date = Ui.isoDate(date);
        r.start = start.getText().trim();
        r.end = end.getText().trim();
        r.motiveIds = new ArrayList<Long>();
        for (int i = 0; i < motiveChecks.size(); i++) {
            if (motiveChecks.get(i).isSelected()) {
                r.motiveIds.add(motives.get(i).id);
            }
        }
        for (int i = 0; i < ranges.size() && r.siteId == null; i++) {
            r.siteId = ranges.get(i).siteId;
        }
        List<FieldError> errs = r.validate();
        if (!errs.isEmpty()) {
            Ui.showMessage(msg, ErrorText.fields(I18n.TEXTS, errs), true);
            return;
        }
        ApiResult<Void> res = Api.addOpening(practitionerId, r);
        Ui.showMessage(msg, res.ok() ? Ui.tr("free.added", r.start, r.end) : res.message(), !res.ok());
    }

    public void show() {
        form.show();
    }
}
