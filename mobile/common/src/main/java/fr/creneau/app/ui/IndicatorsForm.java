package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Button;
import com.codename1.ui.Component;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.Label;
import com.codename1.ui.layouts.BorderLayout;
import com.codename1.ui.layouts.BoxLayout;
import com.codename1.ui.layouts.GridLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.IndicatorsView;
import fr.creneau.app.logic.Instants;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.IndicatorsDto;
import fr.creneau.model.api.PracticeDto;

/**
 * The practice's indicators for its practitioners and its admin (the only roles the server serves them to): over a
 * period chosen with chips (this week, 30 days, 3 months, 12 months, ending today in the practice's zone), the
 * appointments due and the no-shows with their rate, the patients' requests received and answered with the mean
 * delay of the first answer, and the calls taken with their mean length. The figures are the whole practice's.
 *
 * <p>For the UI tests: chips {@code period-<key>}, values {@code ind-<field>}, the range {@code indicatorsRange},
 * errors in {@code indicatorsMessage}; client properties {@code period} (the chosen key) and {@code loaded}
 * ("from..to" of the figures shown, set once they are on screen).
 */
public class IndicatorsForm {
    private static final String TZ_DEFAULT = "Europe/Paris";
    private final Form form;
    private final Long practiceId;
    private final SpanLabel msg = Ui.messageArea("indicatorsMessage");
    // two by two: a FlowLayout of chips reserved an empty row under them
    private final Container periods = new Container(new GridLayout(2, 2));
    private final SpanLabel range = new SpanLabel();
    private final Container figures = new Container(BoxLayout.y());
    private String period = IndicatorsView.DEFAULT_PERIOD;
    private String timezone;
    /** Counts the loads: a period tapped while another loads wins, the older answer is dropped. */
    private int loads;

    public IndicatorsForm(Form back) {
        AccountDto acc = Session.get().account();
        practiceId = acc == null ? null : acc.practiceId;
        form = Ui.form("indicators.title", "Indicators", back);
        form.add(Ui.text(Ui.tr("indicators.intro"), "Hint"));
        periods.setName("indicatorsPeriods");
        for (int i = 0; i < IndicatorsView.PERIODS.length; i++) {
            final String key = IndicatorsView.PERIODS[i];
            Button chip = Ui.button("indicators.period." + key, "period-" + key, "Chip", e -> pick(key));
            mark(chip, key.equals(period));
            periods.add(chip);
        }
        form.add(periods);
        range.setName("indicatorsRange");
        range.setTextUIID("PeriodLabel");
        range.setUIID("Container");
        form.add(range);
        form.add(msg);
        figures.setName("indicatorsFigures");
        form.add(figures);
        form.addShowListener(e -> load());
    }

    private void pick(String key) {
        period = key;
        for (int i = 0; i < periods.getComponentCount(); i++) {
            Button b = (Button) periods.getComponentAt(i);
            mark(b, ("period-" + key).equals(b.getName()));
        }
        load();
    }

    /** A chip of the grid: the chosen one filled, the text centred (a UIID change resets the alignment). */
    private static void mark(Button chip, boolean chosen) {
        chip.setUIID(chosen ? "ChipSelected" : "Chip");
        chip.setAlignment(Component.CENTER);
    }

    /** The practice's zone decides what "today" is (its days are the server's); Europe/Paris when unknown. */
    private String timezone() {
        if (timezone == null) {
            ApiResult<PracticeDto> p = Api.practice(practiceId);
            if (!p.ok() || p.value == null || p.value.timezone == null) {
                return TZ_DEFAULT;
            }
            timezone = p.value.timezone;
        }
        return timezone;
    }

    void load() {
        final int mine = ++loads;
        form.putClientProperty("period", period);
        form.putClientProperty("loaded", null);
        figures.removeAll();
        if (practiceId == null) {
            Ui.showMessage(msg, Ui.tr("error.http403"), true);
            return;
        }
        String[] r = IndicatorsView.range(period, Instants.localDate(System.currentTimeMillis(), timezone()));
        IndicatorsView view = new IndicatorsView(I18n.TEXTS, I18n.language());
        range.setText(view.period(r[0], r[1], I18n.dates()));
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        ApiResult<IndicatorsDto> res = Api.indicators(practiceId, r[0], r[1]);
        if (mine != loads) {
            return;
        }
        if (!res.ok() || res.value == null) {
            // the server's problem (translated by its code, else by status) or the network's, inline
            Ui.showMessage(msg, res.message(), true);
            form.revalidate();
            return;
        }
        Ui.showMessage(msg, null, false);
        render(res.value, view);
        form.putClientProperty("loaded", r[0] + ".." + r[1]);
        form.revalidate();
    }

    private void render(IndicatorsDto d, IndicatorsView v) {
        if (IndicatorsView.empty(d)) {
            SpanLabel none = Ui.wrap(Ui.tr("indicators.noData"), "EmptyText");
            none.setName("indicatorsEmpty");
            figures.add(none);
            return;
        }
        Container appts = section("indicators.appointments");
        if (IndicatorsView.zero(d.appointmentsDue)) {
            appts.add(empty("indicators.noAppointments", "indicatorsEmpty-appointments"));
        } else {
            appts.add(figure("indicators.noShowRate", "indicators.noShowRateHint", "noShowRate",
                    v.percent(d.noShowRate), null));
            appts.add(figure("indicators.noShows", "indicators.noShowsHint", "noShows", v.count(d.noShows), null));
            appts.add(figure("indicators.appointmentsDue", "indicators.appointmentsDueHint", "appointmentsDue",
                    v.count(d.appointmentsDue), null));
        }
        Container requests = section("indicators.requests");
        if (IndicatorsView.zero(d.requestsReceived)) {
            requests.add(empty("indicators.noRequests", "indicatorsEmpty-requests"));
        } else {
            requests.add(figure("indicators.requestsReceived", null, "requestsReceived", v.count(d.requestsReceived),
                    null));
            requests.add(figure("indicators.requestsAnswered", "indicators.requestsAnsweredHint", "requestsAnswered",
                    v.count(d.requestsAnswered), null));
            requests.add(figure("indicators.firstAnswer", "indicators.firstAnswerHint", "averageFirstAnswerMinutes",
                    v.minutes(d.averageFirstAnswerMinutes), "indicators.noAnswerYet"));
        }
        Container calls = section("indicators.calls");
        if (IndicatorsView.zero(d.callsAnswered)) {
            calls.add(empty("indicators.noCalls", "indicatorsEmpty-calls"));
        } else {
            calls.add(figure("indicators.callsAnswered", "indicators.callsAnsweredHint", "callsAnswered",
                    v.count(d.callsAnswered), null));
            calls.add(figure("indicators.callLength", "indicators.callLengthHint", "averageCallSeconds",
                    v.seconds(d.averageCallSeconds), "indicators.noCallEnded"));
        }
    }

    /** A titled card added to the figures; its rows go in the returned container. */
    private Container section(String titleKey) {
        figures.add(Ui.title(Ui.tr(titleKey)));
        Container body = new Container(BoxLayout.y());
        body.setUIID("Card");
        figures.add(body);
        return body;
    }

    private Component empty(String key, String name) {
        SpanLabel s = Ui.wrap(Ui.tr(key), "CardMeta");
        s.setName(name);
        return s;
    }

    /**
     * One figure on a row: its label and what it counts on the left, its value large on the right (named
     * {@code ind-<field>}; a dash when the server had nothing to average, {@code missingKey}'s words under the
     * label then, named {@code ind-<field>-note}).
     */
    private Component figure(String labelKey, String hintKey, String field, String value, String missingKey) {
        Container words = new Container(BoxLayout.y());
        SpanLabel label = Ui.wrap(Ui.tr(labelKey), "CardLine");
        label.setName("label-" + field);
        words.add(label);
        if (value == null) {
            SpanLabel note = Ui.wrap(Ui.tr(missingKey), "CardMeta");
            note.setName("ind-" + field + "-note");
            words.add(note);
        } else if (hintKey != null) {
            words.add(Ui.wrap(Ui.tr(hintKey), "CardMeta"));
        }
        Label val = new Label(value == null ? Ui.tr("indicators.missing") : value);
        val.setUIID("FigureValue");
        val.setName("ind-" + field);
        Container row = new Container(new BorderLayout());
        row.setUIID("FigureRow");
        row.add(BorderLayout.CENTER, words);
        row.add(BorderLayout.EAST, val);
        return row;
    }

    public void show() {
        form.show();
    }
}
