package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.ButtonGroup;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.RadioButton;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import com.codename1.ui.layouts.BoxLayout;
import com.codename1.ui.layouts.FlowLayout;
import com.codename1.ui.layouts.GridLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.BlockRange;
import com.codename1.ui.Button;
import fr.creneau.model.api.AbsenceDecisionDto;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.AbsenceDto;
import fr.creneau.model.api.AbsenceFalloutDto;
import fr.creneau.model.api.AbsenceFalloutRequest;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.rules.FalloutAction;
import fr.creneau.model.rules.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Block a day, a half-day or a range. The app first asks the server which appointments the block would hit
 * (absences/preview), lists them and asks what to do with each, or with all at once: keep it, cancel it and tell
 * the patient, or cancel it and propose the nearest free slots (the server decides, notifies and journals). Or
 * block and keep them all, or give up. Nothing is ever deleted silently.
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
    /** The block saved by "apply" whose choices the server has not taken yet (they are sent again from here). */
    private Long savedAbsenceId;
    private int previews;

    public BlockForm(Long practitionerId, String practitionerName, String timezone, String day, Form back) {
        this.practitionerId = practitionerId;
        this.timezone = timezone;
        form = Ui.form("block.title", "Block", back);
        form.putClientProperty("timezone", timezone);
        if (practitionerName != null) {
            form.add(Ui.line(practitionerName, "CardLine"));
        }
        date = Ui.dateField(form, "field.date", "blockDate", day);
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
        if (savedAbsenceId != null) {
            // a block is saved and its choices not yet taken: a new check would start a second, overlapping block
            Ui.showMessage(msg, Ui.tr("block.choicesFirst"), true);
            form.scrollComponentToVisible(msg);
            return;
        }
        result.removeAll();
        pending = null;
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        String[] range = BlockRange.of(kind(), Ui.isoDate(date), start.getText().trim(), end.getText().trim(),
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
            result.add(Ui.title(Ui.tr("block.whatToDo")));
            // for all at once: sets every appointment's choice below, which stays changeable one by one
            // chips sized to their words (a fixed grid cut "Proposer" on a phone)
            final Container all = new Container(new FlowLayout());
            final List<Container> groups = new ArrayList<Container>();
            final Map<Long, FalloutAction> chosen = new HashMap<Long, FalloutAction>();
            for (int i = 0; i < hit.size(); i++) {
                final AppointmentDto a = hit.get(i);
                chosen.put(a.id, FalloutAction.KEEP);
                result.add(AppointmentCard.of(a, true, null));
                Container group = new Container(new FlowLayout());
                for (int k = 0; k < ACTIONS.length; k++) {
                    final FalloutAction action = ACTIONS[k];
                    Button chip = Ui.chip(Ui.tr(ACTION_KEYS[k]), "fallout-" + action.name().toLowerCase() + "-" + a.id,
                            group, form, () -> chosen.put(a.id, action));
                    if (action == FalloutAction.KEEP) {
                        chip.setUIID("ChipSelected");
                    }
                    group.add(chip);
                }
                groups.add(group);
                result.add(group);
            }
            for (int k = 0; k < ACTIONS.length; k++) {
                final int index = k;
                all.add(Ui.chip(Ui.tr(ACTION_KEYS[k]), "falloutAll" + ALL_NAMES[k],
                        all, form, () -> {
                            for (int i = 0; i < groups.size(); i++) {
                                Container g = groups.get(i);
                                for (int c = 0; c < g.getComponentCount(); c++) {
                                    g.getComponentAt(c).setUIID(c == index ? "ChipSelected" : "Chip");
                                }
                                chosen.put(hit.get(i).id, ACTIONS[index]);
                            }
                        }));
            }
            result.add(Ui.line(Ui.tr("block.forAll"), "FieldLabel"));
            result.add(all);
            final TextField substitute = Ui.field(result, "block.substitute", "blockSubstitute", "", TextArea.ANY);
            substitute.setHint(Ui.tr("block.substituteHint"));
            result.add(Ui.line(Ui.tr("block.noticeInfo"), "CardMeta"));
            final Container buttons = new Container(BoxLayout.y());
            buttons.add(Ui.primary("block.apply", "blockApply", e -> apply(hit, chosen, substitute, buttons)));
            buttons.add(Ui.secondary("block.keep", "blockKeep", e -> save(true)));
            buttons.add(Ui.secondary("block.giveUp", "blockGiveUp", e -> {
                result.removeAll();
                pending = null;
                Ui.showMessage(msg, Ui.tr("block.notSaved"), false);
            }));
            result.add(buttons);
        }
        form.revalidate();
    }

    private static final FalloutAction[] ACTIONS = {FalloutAction.KEEP, FalloutAction.CANCEL, FalloutAction.PROPOSE};
    private static final String[] ACTION_KEYS = {"fallout.keep", "fallout.cancel", "fallout.propose"};
    private static final String[] ALL_NAMES = {"Keep", "Cancel", "Propose"};

    /**
     * Saves the block (the appointments are still there, so confirmConflicts), then sends the choices: the server
     * cancels, notifies and proposes slots in one transaction, urgent motives first. When the choices fail after the
     * block was saved, they stay on screen (still changeable, as the substitute) with a button that sends them
     * again for that block; the buttons that would save it again or give it up go.
     */
    private void apply(final List<AppointmentDto> hit, final Map<Long, FalloutAction> chosen,
                       final TextField substitute, final Container buttons) {
        if (savedAbsenceId == null) {
            if (pending == null) {
                return;
            }
            pending.confirmConflicts = true;
            ApiResult<AbsenceDto> saved = Api.saveAbsence(practitionerId, pending);
            if (!saved.ok() || saved.value == null) {
                Ui.showMessage(msg, saved.message(), true);
                return;
            }
            pending = null;
            savedAbsenceId = saved.value.id;
        }
        AbsenceFalloutRequest r = new AbsenceFalloutRequest();
        for (int i = 0; i < hit.size(); i++) {
            Long id = hit.get(i).id;
            r.decisions.add(new AbsenceDecisionDto(id, chosen.get(id)));
        }
        String sub = substitute.getText();
        r.substitute = sub == null || sub.trim().length() == 0 ? null : sub.trim();
        ApiResult<List<AbsenceFalloutDto>> res = Api.decideAbsence(savedAbsenceId, r);
        if (!res.ok()) {
            // the block is saved and the appointments untouched: the same choices can be sent again
            Ui.showMessage(msg, Ui.tr("block.savedDecisionFailed") + " " + res.message(), true);
            buttons.removeAll();
            buttons.add(Ui.primary("block.retryDecisions", "blockRetryDecisions",
                    e -> apply(hit, chosen, substitute, buttons)));
            form.revalidate();
            form.scrollComponentToVisible(msg);
            return;
        }
        savedAbsenceId = null;
        result.removeAll();
        Ui.showMessage(msg, Ui.tr("block.applied"), false);
        for (int i = 0; i < res.value.size(); i++) {
            AbsenceFalloutDto d = res.value.get(i);
            String line;
            if (d.action == FalloutAction.KEEP) {
                line = Ui.tr("fallout.kept");
            } else if (d.proposals.isEmpty()) {
                line = Ui.tr(d.action == FalloutAction.PROPOSE ? "fallout.noSlot" : "fallout.cancelled");
            } else {
                line = Ui.tr("fallout.proposed", d.proposals.size());
            }
            Container c = Ui.card(Ui.wrap(I18n.dates().dateTime(d.originalStart, timezone), "CardTitle"),
                    Ui.wrap(line, "CardLine"));
            c.setName("fallout-" + d.appointmentId);
            result.add(c);
        }
        form.putClientProperty("fallout", Integer.valueOf(res.value.size()));
        form.revalidate();
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
            if (res.value != null && res.value.id != null && mayUnblock()) {
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

    /**
     * Whether this account may remove a block: the server lets the practitioner and the practice's admin delete an
     * absence, not the secretariat (which may set one).
     */
    private static boolean mayUnblock() {
        AccountDto acc = Session.get().account();
        return acc != null && (acc.role == Role.PRACTITIONER || acc.role == Role.PRACTICE_ADMIN);
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
