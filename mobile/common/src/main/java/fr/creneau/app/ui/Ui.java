package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Button;
import com.codename1.ui.CN;
import com.codename1.ui.Component;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.Label;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import com.codename1.ui.events.ActionListener;
import com.codename1.ui.layouts.BorderLayout;
import com.codename1.ui.layouts.BoxLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.logic.OneAtATime;
import fr.creneau.model.rules.Role;
import fr.creneau.model.api.AccountDto;
import fr.creneau.app.api.LiveEvents;
import fr.creneau.app.Session;
import fr.creneau.app.logic.DateInput;
import fr.creneau.app.logic.StatusView;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.rules.Channel;

/** Small builders shared by the screens: every text through I18n, every style a UIID of theme.css. */
public final class Ui {
    private Ui() {
    }

    public static String tr(String key) {
        return I18n.tr(key);
    }

    /** The translation, or the fallback when the bundle has no such key (e.g. a specialty code it does not know). */
    public static String trOr(String key, String fallback) {
        String v = I18n.tr(key);
        return v == null || v.equals(key) ? fallback : v;
    }

    public static String tr(String key, Object... args) {
        return I18n.tr(key, args);
    }

    /** A scrollable form with a translated title, named for the UI tests, with a back command when given. */
    public static Form form(String titleKey, String name, final Form back) {
        Form f = new Form(tr(titleKey), BoxLayout.y()) {
            @Override
            public void revalidate() {
                // wrapped texts (SpanLabel) learn their real width in the first pass and their height in the
                // second; one pass clips the last line of a card
                super.revalidate();
                setShouldCalcPreferredSize(true);
                super.revalidate();
            }
        };
        if (f.getToolbar() == null) {
            f.setToolbar(new com.codename1.ui.Toolbar());
            f.setTitle(tr(titleKey));
        }
        f.setName(name);
        f.setScrollableY(true);
        f.getContentPane().setUIID("Screen");
        if (back != null) {
            f.getToolbar().setBackCommand(tr("action.back"), e -> back.showBack());
        }
        return f;
    }

    public static Button button(String textKey, String name, String uiid, ActionListener l) {
        Button b = new Button(tr(textKey));
        b.setName(name);
        b.setUIID(uiid);
        if (l != null) {
            // a second tap while the first one's server call is on its way is dropped (see OneAtATime)
            final OneAtATime once = new OneAtATime();
            b.addActionListener(e -> once.run(() -> l.actionPerformed(e)));
        }
        return b;
    }

    public static Button primary(String textKey, String name, ActionListener l) {
        return button(textKey, name, "PrimaryButton", l);
    }

    public static Button secondary(String textKey, String name, ActionListener l) {
        return button(textKey, name, "SecondaryButton", l);
    }

    public static Button danger(String textKey, String name, ActionListener l) {
        return button(textKey, name, "DangerButton", l);
    }

    public static TextField field(Container parent, String labelKey, String name, String value, int constraint) {
        Label l = new Label(tr(labelKey));
        l.setUIID("FieldLabel");
        TextField t = new TextField(value == null ? "" : value, tr(labelKey), 20, constraint);
        t.setName(name);
        t.setUIID("Field");
        parent.add(l).add(t);
        return t;
    }

    /** A date field: shows {@code isoDate} day first (JJ/MM/AAAA) and reads it back with {@link #isoDate}. */
    public static TextField dateField(Container parent, String labelKey, String name, String isoDate) {
        TextField t = field(parent, labelKey, name, DateInput.display(isoDate), TextArea.ANY);
        t.setHint(tr("hint.date"));
        return t;
    }

    /** The ISO date typed in a date field (day first or ISO), or the trimmed text for the validator to refuse. */
    public static String isoDate(TextField t) {
        return DateInput.toIso(t.getText());
    }

    public static SpanLabel text(String text, String uiid) {
        SpanLabel s = new SpanLabel(text == null ? "" : text);
        s.setTextUIID(uiid);
        return s;
    }

    public static Label title(String text) {
        Label l = new Label(text);
        l.setUIID("SectionTitle");
        return l;
    }

    /** An inline message area (errors, offline notices): never a modal dialog. */
    public static SpanLabel messageArea(String name) {
        SpanLabel s = new SpanLabel("");
        s.setName(name);
        s.setTextUIID("ErrorText");
        s.setHidden(true);
        return s;
    }

    public static void showMessage(SpanLabel area, String text, boolean error) {
        area.setText(text == null ? "" : text);
        area.setTextUIID(error ? "ErrorText" : "InfoText");
        area.setHidden(text == null || text.length() == 0);
        Form f = area.getComponentForm();
        if (f != null) {
            f.revalidate();
        }
    }

    /** The state of an appointment as a coloured badge carrying its translated word. */
    public static Label statusBadge(AppointmentDto a) {
        Label l = new Label(tr(StatusView.labelKey(a.status)));
        l.setUIID(StatusView.uiid(a.status));
        l.setName("status-" + a.id);
        return l;
    }

    public static String channel(Channel c) {
        return c == null ? "" : tr("channel." + c.name());
    }

    /** A card: a tappable row with its lines and a status badge. */
    public static Container card(Component... lines) {
        Container body = new Container(BoxLayout.y());
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] != null) {
                body.add(lines[i]);
            }
        }
        Container c = new Container(new BorderLayout());
        c.setUIID("Card");
        c.add(BorderLayout.CENTER, body);
        return c;
    }

    /** A text that wraps over several lines instead of being clipped. */
    public static SpanLabel wrap(String text, String uiid) {
        SpanLabel s = new SpanLabel(text == null ? "" : text);
        s.setTextUIID(uiid);
        s.setUIID("Container");
        return s;
    }

    /** Makes the whole container one touch target, with a named (invisible) lead button for the UI tests. */
    public static void tappable(Container c, String name, ActionListener l) {
        Button lead = new Button();
        lead.setName(name);
        lead.addActionListener(l);
        lead.setUIID("Container");
        c.add(BorderLayout.SOUTH, lead);
        c.setLeadComponent(lead);
    }

    /** A line of text in a style; long texts wrap (large fonts must never be clipped). */
    public static Component line(String text, String uiid) {
        return wrap(text, uiid);
    }

    public static void refresh(Form f) {
        f.revalidate();
    }

    /** Runs later on the EDT (lets a form show before its network call starts). */
    public static void later(Runnable r) {
        CN.callSerially(r);
    }

    /**
     * One choice among the buttons of {@code group}: tapping it marks it selected (UIID ChipSelected), the others
     * not, then runs {@code onPick}.
     */
    public static Button chip(String text, String name, final Container group, final Form form, final Runnable onPick) {
        final Button b = new Button(text == null ? "" : text);
        b.setName(name);
        b.setUIID("Chip");
        b.addActionListener(e -> {
            for (int i = 0; i < group.getComponentCount(); i++) {
                group.getComponentAt(i).setUIID("Chip");
            }
            b.setUIID("ChipSelected");
            onPick.run();
            form.revalidate();
        });
        return b;
    }

    /**
     * Staff screens' live updates: hands {@code form} the practice's events while it is on screen, and records the
     * last event's name as the form's "live" property (the UI tests wait on it). Patients have no stream.
     */
    public static void listenLive(final Form form, final LiveEvents.Listener onEvent) {
        AccountDto acc = Session.get().account();
        if (acc == null || acc.practiceId == null || acc.role == Role.PATIENT) {
            return;
        }
        LiveEvents.listen(acc.practiceId, (name, data) -> {
            form.putClientProperty("live", name);
            if (CN.getCurrentForm() == form) {
                onEvent.onEvent(name, data);
            }
        });
    }
}
