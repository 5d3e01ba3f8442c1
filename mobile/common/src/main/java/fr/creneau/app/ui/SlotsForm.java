package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Button;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.Label;
import com.codename1.ui.layouts.BorderLayout;
import com.codename1.ui.layouts.BoxLayout;
import com.codename1.ui.layouts.GridLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.Instants;
import fr.creneau.app.logic.SlotDays;
import fr.creneau.model.api.SlotDto;

import java.util.List;

/** Free slots day by day (a week is loaded at a time); a tap on a time goes to the confirmation. */
public class SlotsForm {
    private static final int WINDOW_DAYS = 7;
    private final Form form;
    private final BookingContext ctx;
    private final SpanLabel msg = Ui.messageArea("slotsMessage");
    private final Label dayLabel = new Label();
    private final Container grid = new Container(new GridLayout(3));
    private String day;
    private SlotDays days;
    private String loadedFrom;

    public SlotsForm(BookingContext ctx, Form back) {
        this.ctx = ctx;
        form = Ui.form(ctx.moving != null ? "slots.titleMove" : "slots.title", "Slots", back);
        form.add(Ui.line(ctx.practitioner.fullName() + " · " + ctx.motive.label(I18n.language()), "CardLine"));
        dayLabel.setUIID("DayLabel");
        dayLabel.setName("dayLabel");
        form.add(dayLabel);
        Container nav = new Container(new GridLayout(1, 2));
        nav.add(Ui.secondary("slots.prevDay", "prevDay", e -> move(-1)));
        nav.add(Ui.secondary("slots.nextDay", "nextDay", e -> move(1)));
        form.add(nav);
        form.add(msg);
        form.add(grid);
        form.add(Ui.secondary("slots.nextFree", "nextFree", e -> nextFree()));
        if (ctx.moving == null && (!ctx.staff || ctx.patient != null)) {
            // nothing fits: wait for a freed slot instead (the secretariat: for the caller on the phone)
            form.add(Ui.secondary("waitlist.fromSlots", "waitlistButton", e -> new WaitlistJoinForm(ctx, form).show()));
        }
        day = Instants.localDate(System.currentTimeMillis(), ctx.timezone());
        form.addShowListener(e -> {
            if (days == null) {
                load(day);
                if (days != null && days.slotsOn(day).isEmpty()) {
                    nextFree();
                }
            } else if (ctx.slotsStale) {
                // back from a confirmation whose slot was taken meanwhile: the same week again, without it
                ctx.slotsStale = false;
                load(loadedFrom);
            }
        });
    }

    private boolean load(String from) {
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        String to = Instants.addDays(from, WINDOW_DAYS);
        ApiResult<List<SlotDto>> res = Api.availability(ctx.practitioner.id, ctx.motive.id, from, to);
        if (!res.ok()) {
            Ui.showMessage(msg, res.message(), true);
            return false;
        }
        Ui.showMessage(msg, null, false);
        days = new SlotDays(res.value, ctx.timezone());
        loadedFrom = from;
        render();
        return true;
    }

    private void move(int delta) {
        String today = Instants.localDate(System.currentTimeMillis(), ctx.timezone());
        String next = Instants.addDays(day, delta);
        if (next.compareTo(today) < 0) {
            return;
        }
        day = next;
        if (days == null || day.compareTo(loadedFrom) < 0 || day.compareTo(Instants.addDays(loadedFrom, WINDOW_DAYS - 1)) > 0) {
            load(day);
        } else {
            render();
        }
    }

    /** Jumps to the next day with a free slot, loading further weeks (up to about three months). */
    private void nextFree() {
        for (int week = 0; week < 13; week++) {
            if (days == null) {
                return;
            }
            String found = days.firstDayWithSlotsFrom(Instants.addDays(day, 1));
            if (found != null) {
                day = found;
                render();
                return;
            }
            String nextWindow = Instants.addDays(loadedFrom, WINDOW_DAYS);
            day = Instants.addDays(nextWindow, -1);
            if (!load(nextWindow)) {
                return; // the error is shown
            }
        }
        Ui.showMessage(msg, Ui.tr("slots.noneSoon"), false);
        if (ctx.practice != null) {
            form.add(ClosedInfo.of(ctx.practice, "closed.noSlots"));
        }
        form.revalidate();
    }

    private void render() {
        dayLabel.setText(I18n.dates().date(day));
        form.putClientProperty("day", day);
        grid.removeAll();
        List<SlotDto> slots = days.slotsOn(day);
        // explicit rows: GridLayout(columns) alone sizes the container for one row and squashes the others
        grid.setLayout(new GridLayout(Math.max(1, (slots.size() + 2) / 3), 3));
        if (slots.isEmpty()) {
            Ui.showMessage(msg, Ui.tr("slots.noneThatDay"), false);
        } else {
            Ui.showMessage(msg, null, false);
        }
        for (int i = 0; i < slots.size(); i++) {
            final SlotDto s = slots.get(i);
            Button b = new Button(I18n.dates().time(Instants.parse(s.start), ctx.timezone()));
            b.setUIID(s.urgencyReserve ? "SlotReserve" : "Slot");
            b.setName("slot" + i);
            b.putClientProperty("start", s.start);
            b.addActionListener(e -> {
                ctx.slot = s;
                new ConfirmForm(ctx, form).show();
            });
            grid.add(b);
        }
        form.revalidate();
    }

    public void show() {
        form.show();
    }
}
