package fr.creneau.app.ui;

import com.codename1.ui.Button;
import com.codename1.ui.CheckBox;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import com.codename1.ui.layouts.BoxLayout;
import com.codename1.ui.layouts.FlowLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.logic.DateInput;
import fr.creneau.app.logic.Strings;
import fr.creneau.model.triage.DocumentKind;
import fr.creneau.model.triage.RedFlag;
import fr.creneau.model.triage.RequestType;
import fr.creneau.model.triage.Severity;
import fr.creneau.model.triage.TriageAnswers;
import fr.creneau.model.triage.TriageGrid;

import java.util.ArrayList;
import java.util.List;

/**
 * The structured questions of a request, shared by the patient's composer and the secretary's call screen: the
 * type (chips {@code type-<TYPE>}), that type's own fields ({@code f-<field>}), and the red-flag questions of the
 * practice's grid ({@code flag-<code>}), filtered by the patient's age. It only gathers answers: the decision is
 * {@link TriageGrid#evaluate}, the very rules the server applies.
 */
public class TriageFields {
    private final Container root = new Container(BoxLayout.y());
    private final Container typeChips = new Container(new FlowLayout());
    private final Container fields = new Container(BoxLayout.y());
    private final Container flags = new Container(BoxLayout.y());
    private final List<CheckBox> flagBoxes = new ArrayList<CheckBox>();
    private TriageGrid grid = TriageGrid.standard();
    private Integer ageMonths;
    private RequestType type;
    private Severity severity;
    private DocumentKind documentKind;
    private TextField medication;
    private TextField since;
    private TextArea symptoms;
    private TextField temperature;
    private TextField testName;
    private CheckBox resultsUrgent;
    private TextField purpose;
    private TextArea question;

    public TriageFields() {
        root.add(Ui.title(Ui.tr("triage.typeTitle")));
        RequestType[] types = RequestType.values();
        for (int i = 0; i < types.length; i++) {
            final RequestType t = types[i];
            Button b = Ui.button("type." + t.name(), "type-" + t.name(), "Chip", e -> select(t));
            typeChips.add(b);
        }
        root.add(typeChips);
        root.add(fields);
        root.add(Ui.title(Ui.tr("triage.flagsTitle")));
        root.add(Ui.line(Ui.tr("triage.flagsHint"), "CardLine"));
        root.add(flags);
        rebuildFlags();
    }

    public Container component() {
        return root;
    }

    public RequestType type() {
        return type;
    }

    /** The practice's grid (built-in and extra flags). */
    public void setGrid(TriageGrid g) {
        grid = g == null ? TriageGrid.standard() : g;
        rebuildFlags();
    }

    public TriageGrid grid() {
        return grid;
    }

    /** The patient's age in months (null when unknown: every flag is asked). */
    public void setAge(Integer months) {
        ageMonths = months;
        rebuildFlags();
    }

    public Integer ageMonths() {
        return ageMonths;
    }

    private void rebuildFlags() {
        List<String> ticked = tickedCodes();
        flags.removeAll();
        flagBoxes.clear();
        List<RedFlag> list = grid.flagsFor(ageMonths);
        for (int i = 0; i < list.size(); i++) {
            RedFlag f = list.get(i);
            CheckBox cb = checkRow(flags, f.label(I18n.language()), "flag-" + f.code);
            cb.putClientProperty("code", f.code);
            cb.setSelected(ticked.contains(f.code));
            flagBoxes.add(cb);
        }
        refresh();
    }

    private List<String> tickedCodes() {
        List<String> out = new ArrayList<String>();
        for (int i = 0; i < flagBoxes.size(); i++) {
            if (flagBoxes.get(i).isSelected()) {
                out.add((String) flagBoxes.get(i).getClientProperty("code"));
            }
        }
        return out;
    }

    public void select(RequestType t) {
        type = t;
        for (int i = 0; i < typeChips.getComponentCount(); i++) {
            Button b = (Button) typeChips.getComponentAt(i);
            b.setUIID(("type-" + t.name()).equals(b.getName()) ? "ChipSelected" : "Chip");
        }
        fields.removeAll();
        medication = null;
        since = null;
        symptoms = null;
        temperature = null;
        testName = null;
        resultsUrgent = null;
        purpose = null;
        question = null;
        severity = null;
        documentKind = null;
        switch (t) {
            case PRESCRIPTION_RENEWAL:
                medication = Ui.field(fields, "field.medication", "f-medication", "", TextArea.ANY);
                since = dateField("field.sinceTaken");
                break;
            case NEW_SYMPTOMS:
                symptoms = area("field.symptoms", "f-symptoms");
                since = dateField("field.since");
                fields.add(fieldLabel("field.severity"));
                Container sev = new Container(new FlowLayout());
                Severity[] all = Severity.values();
                for (int i = 0; i < all.length; i++) {
                    final Severity s = all[i];
                    sev.add(Ui.button("severity." + s.name(), "sev-" + s.name(), "Chip", e -> {
                        severity = s;
                        highlight(sev, "sev-" + s.name());
                    }));
                }
                fields.add(sev);
                temperature = Ui.field(fields, "field.temperature", "f-temperature", "", TextArea.DECIMAL);
                temperature.setHint(Ui.tr("hint.temperature"));
                break;
            case TEST_RESULTS:
                testName = Ui.field(fields, "field.testName", "f-testName", "", TextArea.ANY);
                resultsUrgent = checkRow(fields, Ui.tr("field.resultsMarkedUrgent"), "f-resultsUrgent");
                break;
            case PAPERWORK:
                fields.add(fieldLabel("field.documentKind"));
                Container kinds = new Container(new FlowLayout());
                DocumentKind[] ks = DocumentKind.values();
                for (int i = 0; i < ks.length; i++) {
                    final DocumentKind k = ks[i];
                    kinds.add(Ui.button("document." + k.name(), "doc-" + k.name(), "Chip", e -> {
                        documentKind = k;
                        highlight(kinds, "doc-" + k.name());
                    }));
                }
                fields.add(kinds);
                purpose = Ui.field(fields, "field.purpose", "f-purpose", "", TextArea.ANY);
                break;
            case APPOINTMENT_QUESTION:
                question = area("field.question", "f-question");
                break;
            default:
                break;
        }
        refresh();
    }

    /** A question that wraps over several lines, with its check box at the end; the whole row toggles it. */
    private static CheckBox checkRow(Container parent, String text, String name) {
        CheckBox cb = new CheckBox();
        cb.setName(name);
        cb.setUIID("FlagCheck");
        Container row = new Container(new com.codename1.ui.layouts.BorderLayout());
        row.setUIID("FlagRow");
        row.add(com.codename1.ui.layouts.BorderLayout.CENTER, Ui.wrap(text, "FlagText"));
        row.add(com.codename1.ui.layouts.BorderLayout.EAST, cb);
        row.setLeadComponent(cb);
        parent.add(row);
        return cb;
    }

    private static void highlight(Container c, String name) {
        for (int i = 0; i < c.getComponentCount(); i++) {
            c.getComponentAt(i).setUIID(name.equals(c.getComponentAt(i).getName()) ? "ChipSelected" : "Chip");
        }
        c.repaint();
    }

    private com.codename1.ui.Label fieldLabel(String key) {
        com.codename1.ui.Label l = new com.codename1.ui.Label(Ui.tr(key));
        l.setUIID("FieldLabel");
        return l;
    }

    private TextField dateField(String key) {
        TextField t = Ui.field(fields, key, "f-since", "", TextArea.ANY);
        t.setHint(Ui.tr("hint.date"));
        return t;
    }

    private TextArea area(String key, String name) {
        fields.add(fieldLabel(key));
        TextArea a = new TextArea(3, 20);
        a.setName(name);
        a.setUIID("Field");
        a.setHint(Ui.tr(key));
        fields.add(a);
        return a;
    }

    private void refresh() {
        Form f = root.getComponentForm();
        if (f != null) {
            f.revalidate();
        }
    }

    private static String val(TextArea t) {
        return t == null ? null : Strings.trimToNull(t.getText());
    }

    /**
     * The answers as typed (validated by {@link TriageAnswers#validate(String)}, not here). The date is typed day
     * first, as its hint says, and sent as the ISO date the API wants (as the other date fields do).
     */
    public TriageAnswers answers(String message) {
        TriageAnswers a = new TriageAnswers();
        a.type = type;
        a.medication = val(medication);
        a.since = DateInput.toIso(val(since));
        a.symptoms = val(symptoms);
        a.severity = severity;
        a.temperature = parseTemperature(val(temperature));
        a.testName = val(testName);
        a.resultsMarkedUrgent = resultsUrgent != null && resultsUrgent.isSelected();
        a.documentKind = documentKind;
        a.purpose = val(purpose);
        a.question = val(question);
        a.redFlags = tickedCodes();
        a.message = Strings.trimToNull(message);
        return a;
    }

    /** "38,5" or "38.5"; null when empty or not a number (the grid then ignores it). */
    static Double parseTemperature(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.valueOf(Double.parseDouble(s.replace(',', '.')));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
