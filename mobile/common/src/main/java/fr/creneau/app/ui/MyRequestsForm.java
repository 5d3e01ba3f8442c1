package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.layouts.BoxLayout;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.model.api.PatientRequestDto;

import java.util.List;

/** A patient's requests (holder and relatives), newest first, each opening its thread of replies. */
public class MyRequestsForm {
    private final Form form;
    private final SpanLabel msg = Ui.messageArea("myRequestsMessage");
    private final Container list = new Container(BoxLayout.y());

    public MyRequestsForm(Form back) {
        form = Ui.form("myRequests.title", "MyRequests", back);
        if (back == null) {
            form.getToolbar().setBackCommand(Ui.tr("action.back"), e -> Nav.home());
        }
        form.add(Ui.primary("myRequests.new", "newRequestButton", e -> new RequestForm(form).show()));
        form.add(msg);
        form.add(list);
        form.addShowListener(e -> load());
    }

    void load() {
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        ApiResult<List<PatientRequestDto>> res = Api.myRequests();
        list.removeAll();
        if (!res.ok()) {
            Ui.showMessage(msg, res.message(), true);
        } else {
            Ui.showMessage(msg, res.value.isEmpty() ? Ui.tr("myRequests.none") : null, false);
            for (int i = 0; i < res.value.size(); i++) {
                final PatientRequestDto r = res.value.get(i);
                list.add(RequestView.card(r, RequestView.zone(r.practiceId), true, "req-" + r.id,
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
