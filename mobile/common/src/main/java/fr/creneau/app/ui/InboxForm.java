package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.layouts.BoxLayout;
import fr.creneau.app.Session;
import fr.creneau.app.api.LiveEvents;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.PatientRequestDto;

import java.util.List;

/** The practice's inbox of patient requests, in the server's order: URGENT first, then the oldest first. */
public class InboxForm {
    private final Form form;
    private final SpanLabel msg = Ui.messageArea("inboxMessage");
    private final Container list = new Container(BoxLayout.y());

    public InboxForm(Form back) {
        form = Ui.form("inbox.title", "Inbox", back);
        form.add(Ui.line(Ui.tr("inbox.order"), "CardMeta"));
        form.add(msg);
        form.add(list);
        form.addShowListener(e -> {
            load();
            listenLive();
        });
    }

    /**
     * Live: the inbox reloads on NEW_REQUEST (and REQUEST_UPDATED) from the practice's SSE stream while it is on
     * screen. The stream is shared (LiveEvents keeps one listener): the agenda takes it back when it shows again.
     * The last event's name is kept as the form's "live" property, the reload count as "liveReloads".
     */
    private void listenLive() {
        Ui.listenLive(form, (name, data) -> {
            if ("NEW_REQUEST".equals(name) || "REQUEST_UPDATED".equals(name)) {
                load();
                Integer n = (Integer) form.getClientProperty("liveReloads");
                form.putClientProperty("liveReloads", Integer.valueOf(n == null ? 1 : n.intValue() + 1));
            }
        });
    }

    public void load() {
        AccountDto acc = Session.get().account();
        if (acc == null || acc.practiceId == null) {
            return;
        }
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        ApiResult<List<PatientRequestDto>> res = Api.inbox(acc.practiceId);
        list.removeAll();
        if (!res.ok()) {
            Ui.showMessage(msg, res.message(), true);
        } else {
            Ui.showMessage(msg, res.value.isEmpty() ? Ui.tr("inbox.none") : null, false);
            String tz = RequestView.zone(acc.practiceId);
            for (int i = 0; i < res.value.size(); i++) {
                final PatientRequestDto r = res.value.get(i);
                list.add(RequestView.card(r, tz, true, "inbox-" + r.id,
                        e -> new RequestThreadForm(r.id, form).show()));
            }
        }
        form.putClientProperty("loaded", Integer.valueOf(res.ok() ? res.value.size() : -1));
        form.revalidate();
    }

    public void show() {
        form.show();
    }
}
