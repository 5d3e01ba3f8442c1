package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.TextArea;
import com.codename1.ui.layouts.BoxLayout;
import com.codename1.ui.layouts.FlowLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.Strings;
import fr.creneau.model.api.PatientRequestDto;
import fr.creneau.model.api.RequestReplyDto;
import fr.creneau.model.rules.Role;

import java.util.List;

/**
 * One request with its clinical content (for the patient and clinicians; a secretary without the grant sees only
 * type and priority) and its thread of replies, with a reply box while the request is open, and for the practice's
 * staff a button that closes it (done: it leaves the open requests).
 */
public class RequestThreadForm {
    private final Form form;
    private final Long id;
    private final SpanLabel msg = Ui.messageArea("threadMessage");
    private final Container head = new Container(BoxLayout.y());
    private final Container thread = new Container(BoxLayout.y());
    private final Container replyBox = new Container(BoxLayout.y());
    private final TextArea body = new TextArea(4, 20);
    private final Container closeBox = new Container(BoxLayout.y());
    private String tz = "Europe/Paris";

    public RequestThreadForm(Long id, Form back) {
        this.id = id;
        form = Ui.form("thread.title", "RequestThread", back);
        form.add(head);
        form.add(Ui.title(Ui.tr("thread.replies")));
        form.add(thread);
        body.setName("replyBody");
        body.setUIID("Field");
        body.setHint(Ui.tr("thread.replyHint"));
        replyBox.add(body);
        replyBox.add(Ui.primary("thread.send", "replySend", e -> send()));
        form.add(replyBox);
        closeBox.add(Ui.secondary("thread.close", "requestClose", e -> close()));
        form.add(closeBox);
        form.add(msg);
        form.addShowListener(e -> load());
    }

    void load() {
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        ApiResult<PatientRequestDto> res = Api.request(id);
        if (!res.ok()) {
            Ui.showMessage(msg, res.message(), true);
            return;
        }
        PatientRequestDto r = res.value;
        tz = RequestView.zone(r.practiceId);
        head.removeAll();
        Container badges = new Container(new FlowLayout());
        badges.add(RequestView.priorityBadge(r.priority, "threadPriority")).add(RequestView.statusBadge(r));
        head.add(badges);
        head.add(Ui.line(Ui.tr("type." + r.type.name()), "ScreenHeading"));
        if (r.patientName != null) {
            head.add(Ui.line(r.patientName, "CardTitle"));
        }
        head.add(Ui.line(Ui.tr("thread.sentAt", r.createdAt == null ? "" : I18n.dates().dateTime(r.createdAt, tz))
                + (r.channel == null ? "" : " · " + Ui.channel(r.channel)), "CardMeta"));
        if (r.triageReasons != null && !r.triageReasons.isEmpty()) {
            head.add(Ui.line(Ui.tr("sent.why", RequestView.reasons(r.triageReasons)), "CardLine"));
        }
        if (r.answers != null) {
            head.add(RequestView.answers(r.answers));
        } else if (r.clinicalHidden) {
            head.add(Ui.line(Ui.tr("thread.clinicalHidden"), "WarningText"));
        }
        boolean open = r.status == null || r.status.isOpen();
        replyBox.setHidden(!open);
        closeBox.setHidden(!open || Session.get().role() == Role.PATIENT);
        ApiResult<List<RequestReplyDto>> replies = Api.replies(id);
        thread.removeAll();
        if (replies.ok()) {
            Ui.showMessage(msg, null, false);
            if (replies.value.isEmpty()) {
                thread.add(Ui.line(Ui.tr("thread.noReply"), "EmptyText"));
            }
            for (int i = 0; i < replies.value.size(); i++) {
                RequestReplyDto rr = replies.value.get(i);
                boolean mine = rr.authorRole == Session.get().role()
                        || (rr.authorRole != Role.PATIENT && Session.get().role() != Role.PATIENT);
                Container c = Ui.card(Ui.line(rr.authorName == null ? "" : rr.authorName, "CardTitle"),
                        Ui.line(rr.body, "CardLine"),
                        Ui.line(rr.createdAt == null ? "" : I18n.dates().dateTime(rr.createdAt, tz), "CardMeta"));
                c.setName("reply-" + rr.id);
                c.setUIID(mine ? "Card" : "CardReply");
                thread.add(c);
            }
        } else if (replies.status == 403) {
            replyBox.setHidden(true);
            Ui.showMessage(msg, Ui.tr("thread.clinicalHidden"), false);
        } else {
            Ui.showMessage(msg, replies.message(), true);
        }
        form.putClientProperty("replies", Integer.valueOf(replies.ok() ? replies.value.size() : -1));
        form.putClientProperty("status", r.status == null ? null : r.status.name());
        form.revalidate();
    }

    private void send() {
        String text = Strings.trimToNull(body.getText());
        if (text == null) {
            Ui.showMessage(msg, Ui.tr("thread.empty"), true);
            return;
        }
        ApiResult<RequestReplyDto> res = Api.reply(id, text);
        if (res.ok()) {
            body.setText("");
            load();
            Ui.showMessage(msg, Ui.tr("thread.sent"), false);
        } else {
            Ui.showMessage(msg, res.message(), true);
        }
    }

    private void close() {
        ApiResult<PatientRequestDto> res = Api.closeRequest(id);
        if (res.ok()) {
            load();
            Ui.showMessage(msg, Ui.tr("thread.closedDone"), false);
        } else {
            Ui.showMessage(msg, res.message(), true);
        }
    }

    public void show() {
        form.show();
    }
}
