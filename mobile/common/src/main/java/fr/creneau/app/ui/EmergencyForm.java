package fr.creneau.app.ui;

import com.codename1.ui.Button;
import com.codename1.ui.CN;
import com.codename1.ui.Form;
import fr.creneau.model.triage.RedFlag;
import fr.creneau.model.triage.TriageResult;

import java.util.ArrayList;
import java.util.List;

/**
 * A red flag STOPS the request: nothing is sent. The patient is told to call the emergency number now, with a big
 * call button per number (15 first, then 112, plus 3114 for suicidal thoughts).
 */
public class EmergencyForm {
    private final Form form;

    public EmergencyForm(TriageResult result, String practiceNumber, Form back) {
        form = Ui.form("emergency.title", "Emergency", back);
        form.add(Ui.line(Ui.tr("emergency.heading"), "EmergencyHeading"));
        form.add(Ui.line(Ui.tr("emergency.notSent"), "EmergencyText"));
        List<RedFlag> raised = result == null ? new ArrayList<RedFlag>() : result.raisedFlags;
        for (int i = 0; i < raised.size(); i++) {
            form.add(Ui.line("• " + raised.get(i).label(fr.creneau.app.I18n.language()), "CardLine"));
        }
        List<String> numbers = new ArrayList<String>();
        if (practiceNumber != null && practiceNumber.length() > 0) {
            numbers.add(practiceNumber);
        }
        List<String> fromGrid = result == null ? null : result.emergencyNumbers;
        if (fromGrid == null || fromGrid.isEmpty()) {
            fromGrid = new ArrayList<String>();
            fromGrid.add("15");
            fromGrid.add("112");
        }
        for (int i = 0; i < fromGrid.size(); i++) {
            if (!numbers.contains(fromGrid.get(i))) {
                numbers.add(fromGrid.get(i));
            }
        }
        for (int i = 0; i < numbers.size(); i++) {
            final String n = numbers.get(i);
            Button b = new Button(Ui.tr("emergency.call", n));
            b.setName("dial-" + n);
            b.setUIID(i == 0 ? "EmergencyButton" : "DangerButton");
            b.addActionListener(e -> CN.dial(n));
            form.add(b);
            String what = Ui.trOr("emergency.number." + n, "");
            if (what.length() > 0) {
                form.add(Ui.line(what, "CardMeta"));
            }
        }
        form.add(Ui.line(Ui.tr("emergency.after"), "CardMeta"));
    }

    public void show() {
        form.show();
    }
}
