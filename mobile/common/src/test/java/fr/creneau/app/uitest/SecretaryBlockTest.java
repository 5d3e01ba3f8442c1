package fr.creneau.app.uitest;

import com.codename1.ui.CN;
import fr.creneau.app.I18n;
import fr.creneau.app.logic.DateInput;
import fr.creneau.app.logic.Instants;
import fr.creneau.app.ui.BlockForm;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secretariat may block an hour of Dr Martin's agenda but not remove a block (the server lets only the
 * practitioner and the practice's admin delete an absence): once saved, no "unblock" button is offered. The hour
 * (01:00-02:00, six weeks ahead) holds no appointment; the admin removes the block at the end (plain HTTP).
 */
public class SecretaryBlockTest extends CreneauUiTest {
    private static final String TZ = "Europe/Paris";

    @SuppressWarnings("unchecked")
    @Override
    public boolean runTest() throws Exception {
        if (!backendUp()) {
            return true;
        }
        String admin = tokenOf("admin@demo.creneau.fr");
        Map<String, Object> martin = practitionerNamed("Martin", admin);
        assertNotNull(martin, "Dr Martin");
        final Long martinId = id(martin.get("id"));
        final String day = Instants.addDays(Instants.localDate(System.currentTimeMillis(), TZ), 42);
        Set<Long> before = absences(martinId, day, admin);
        try {
            restart("fr");
            login("secretariat@demo.creneau.fr");
            waitForFormName("Agenda");
            CN.callSeriallyAndWait(() -> new BlockForm(martinId, "Dr Marie Martin", TZ, day, CN.getCurrentForm()).show());
            waitForFormName("Block");
            assertEqual(DateInput.display(day), text("blockDate"));
            clickButtonByName("blockRange");
            settle();
            setField("blockStart", "01:00");
            setField("blockEnd", "02:00");
            clickButtonByName("blockCheck");
            waitUntil(() -> find("blockSave") != null, 20000, "nothing hit: " + text("blockMessage"));
            clickButtonByName("blockSave");
            String saved = I18n.tr("block.saved");
            waitUntil(() -> saved.equals(text("blockMessage")), 20000, "block saved: " + text("blockMessage"));
            settle();
            assertNull(find("blockUndo"), "no unblock button for the secretariat");
            assertEqual(before.size() + 1, absences(martinId, day, admin).size(), "the block is saved");
            logout();
        } finally {
            Set<Long> after = absences(martinId, day, admin);
            after.removeAll(before);
            for (Long id : after) {
                http("DELETE", "/api/absences/" + id, null, admin);
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> absences(Long practitionerId, String day, String token) throws Exception {
        List<Object> list = (List<Object>) http("GET", "/api/practitioners/" + practitionerId + "/absences?from=" + day
                + "&to=" + day, null, token).get("root");
        Set<Long> ids = new HashSet<Long>();
        for (int i = 0; list != null && i < list.size(); i++) {
            ids.add(id(((Map<String, Object>) list.get(i)).get("id")));
        }
        return ids;
    }
}
