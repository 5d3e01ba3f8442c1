package fr.creneau.app;

import com.codename1.ui.Form;
import com.codename1.ui.Label;
import com.codename1.ui.layouts.BoxLayout;

public class CreneauApp {
    private Form current;

    public void init(Object context) {
    }

    public void start() {
        if (current != null) {
            current.show();
            return;
        }
        Form f = new Form("Creneau", BoxLayout.y());
        f.setName("Hello");
        f.add(new Label("Creneau"));
        f.show();
    }

    public void stop() {
        current = com.codename1.ui.CN.getCurrentForm();
    }

    public void destroy() {
    }
}
