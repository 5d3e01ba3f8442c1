package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.ButtonGroup;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.RadioButton;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import com.codename1.ui.layouts.BoxLayout;
import com.codename1.ui.layouts.GridLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.BlockRange;
import fr.creneau.model.api.AbsenceDto;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.rules.AppointmentStatus;

import java.util.List;

/**
 * Block a day, a half-day or a range. The app first asks the server which appointments the block would hit
 * (absences/preview), lists them and asks what to do: keep them (the server needs confirmConflicts=true), cancel
 * them with a reason then block, or give up. Nothing is ever deleted silently.
 */
public class BlockForm {
    private final Form form;
    private final Long practitionerId;
    private final String timezone;
    private final SpanLabel msg = Ui.messageArea("blockMessage");
    private final Container result = new Container(BoxLayout.y());
    private final Container times = new Container(BoxLayout.y());
    private final TextField date;
    private final TextField start;
    private final TextField end;
    private final TextField note;
    private final RadioButton[] kinds = new RadioButton[4];
    private AbsenceDto pending;
    private int previews;

    public BlockForm(Long practitionerId, String practitionerName, String timezone, String day, Form back) {
        this.practitionerId = practitionerId;
        this.timezone = timezone;
        form = Ui.form("block.title", "Block", back);
        if (practitionerName != null) {
            form.add(Ui.line(practitionerName, "CardLine"));
        }
        date = Ui.field(form, "field.date", "blockDate", day, TextArea.ANY);
        date.setHint(Ui.tr("hint.date"));
        String[] keys = {"block.day", "block.morning", "block.afternoon", "block.range"};
        String[] names = {"blockDay", "blockMorning", "blockAfternoon", "blockRange"};
        ButtonGroup g = new ButtonGroup();
        Container kc = new Container(new GridLayout(2, 2));
        for (int i = 0; i < 4; i++) {
            kinds[i] = new RadioButton(Ui.tr(keys[i]));
            kinds[i].setName(names[i]);
            kinds[i].setToggle(true);
            kinds[i].setUIID("Choice");
            kinds[i].addActionListener(e -> showTimes());
            g.add(kinds[i]);
            kc.add(kinds[i]);
        }
        kinds[0].setSelected(true);
        form.add(kc);
        start = Ui.field(times, "field.startTime", "blockStart", "08:00", TextArea.ANY);
        end = Ui.field(times, "field.endTime", "blockEnd", "12:00", TextArea.ANY);
        form.add(times);
        showTimes();
        note = Ui.field(form, "field.note", "blockNote", "", TextArea.ANY);
        form.add(Ui.primary("block.check", "blockCheck", e -> preview()));
        form.add(msg);
        form.add(result);
    }

    /** Start and end times matter only for a range; a day or half-day is set by the practitioner's hours. */
    private void showTimes() {
        times.setHidden(kind() != BlockRange.RANGE);
        form.revalidate();
    }

    private int kind() {
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i].isSelected()) {
                return i;
            }
        }
        return BlockRange.DAY;
    }

    private void preview() {
        result.removeAll();
        pending = null;
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        String[] range = BlockRange.of(kind(), date.getText().trim(), start.getText().trim(), end.getText().trim(),
                timezone);
        if (range == null) {
            Ui.showMessage(msg, Ui.tr("block.invalid"), true);
            return;
        }
        AbsenceDto a = new AbsenceDto();
        a.practitionerId = practitionerId;
        a.start = range[0];
        a.end = range[1];
        a.note = note.getText().trim().length() == 0 ? null : note.getText().trim();
        ApiResult<List<AppointmentDto>> res = Api.previewAbsence(practitionerId, a);
        if (!res.ok()) {
            Ui.showMessage(msg, res.message(), true);
            return;
        }
        pending = a;
        showChoices(res.value);
        form.scrollComponentToVisible(msg);
        previews++;
        form.putClientProperty("previews", Integer.valueOf(previews));
    }

    private void showChoices(final List<AppointmentDto> hit) {
        result.removeAll();
        if (hit.isEmpty()) {
            Ui.showMessage(msg, Ui.tr("block.noConflict"), false);
            result.add(Ui.primary("block.save", "blockSave", e -> save(false)));
        } else {
            Ui.showMessage(msg, Ui.tr("block.conflicts", hit.size()), true);
            for (int i = 0; i < hit.size(); i++) {
                result.add(AppointmentCard.of(hit.get(i), true, null));
            }
            result.add(Ui.title(Ui.tr("block.whatToDo")));
            result.add(Ui.secondary("block.keep", "blockKeep", e -> save(true)));
            final TextField reason = Ui.field(result, "block.cancelReason", "blockCancelReason",
                    Ui.tr("block.defaultReason"), TextArea.ANY);
            result.add(Ui.danger("block.cancelAll", "blockCancelAll", e -> cancelAllThenSave(hit, reason.getText())));
            result.add(Ui.secondary("block.giveUp", "blockGiveUp", e -> {
                result.removeAll();
                pending = null;
                Ui.showMessage(msg, Ui.tr("block.notSaved"), false);
            }));
        }
        form.revalidate();
    }

    private void cancelAllThenSave(List<AppointmentDto> hit, String reason) {
        String r = reason == null || reason.trim().length() == 0 ? Ui.tr("block.defaultReason") : reason.trim();
        for (int i = 0; i < hit.size(); i++) {
            AppointmentDto a = hit.get(i);
            if (a.status != null && a.status.canMoveTo(AppointmentStatus.CANCELLED_BY_PRACTICE)) {
                ApiResult<AppointmentDto> res = Api.changeStatus(a.id, AppointmentStatus.CANCELLED_BY_PRACTICE, r);
                if (!res.ok()) {
                    Ui.showMessage(msg, res.message(), true);
                    return;
                }
            }
        }
        save(true);
    }

    private void save(boolean confirm) {
        if (pending == null) {
            return;
        }
        pending.confirmConflicts = confirm;
        ApiResult<AbsenceDto> res = Api.saveAbsence(practitionerId, pending);
        if (res.ok()) {
            result.removeAll();
            Ui.showMessage(msg, Ui.tr("block.saved"), false);
            pending = null;
            if (res.value != null && res.value.id != null) {
                final Long absenceId = res.value.id;
                result.add(Ui.secondary("block.undo", "blockUndo", e -> undo(absenceId)));
            }
        } else if (res.status == 409) {
            // someone booked meanwhile: show the fresh list again
            ApiResult<List<AppointmentDto>> again = Api.previewAbsence(practitionerId, pending);
            if (again.ok()) {
                showChoices(again.value);
            }
            Ui.showMessage(msg, Ui.tr("error.absence_conflicts"), true);
        } else {
            Ui.showMessage(msg, res.message(), true);
        }
        form.revalidate();
    }

    /** Removes the block just saved (the appointments kept are untouched). */
    private void undo(Long absenceId) {
        ApiResult<Void> res = Api.deleteAbsence(absenceId);
        if (res.ok()) {
            result.removeAll();
            Ui.showMessage(msg, Ui.tr("block.undone"), false);
        } else {
            Ui.showMessage(msg, res.message(), true);
        }
        form.revalidate();
    }

    public void show() {
        form.show();
    }
}
