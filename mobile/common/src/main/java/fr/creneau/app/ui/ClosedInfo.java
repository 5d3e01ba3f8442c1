package fr.creneau.app.ui;

import com.codename1.ui.Container;
import com.codename1.ui.layouts.BoxLayout;
import fr.creneau.model.api.PracticeDto;

/** The practice's "when we are closed" information: emergency number, hours it can be reached, substitute. */
public final class ClosedInfo {
    private ClosedInfo() {
    }

    public static Container of(PracticeDto p, String reasonKey) {
        Container c = new Container(BoxLayout.y());
        c.setUIID("ClosedCard");
        c.setName("closedInfo");
        c.add(Ui.line(Ui.tr(reasonKey), "ClosedTitle"));
        if (p == null) {
            return c;
        }
        if (p.emergencyNumber != null) {
            c.add(Ui.text(Ui.tr("closed.emergency", p.emergencyNumber), "ClosedText"));
        }
        if (p.reachableHours != null) {
            c.add(Ui.text(Ui.tr("closed.hours", p.reachableHours), "ClosedText"));
        }
        if (p.substitute != null) {
            c.add(Ui.text(Ui.tr("closed.substitute", p.substitute), "ClosedText"));
        }
        if (p.phone != null) {
            c.add(Ui.text(Ui.tr("closed.phone", p.phone), "ClosedText"));
        }
        return c;
    }
}
