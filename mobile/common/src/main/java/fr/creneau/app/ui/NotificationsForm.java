package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Button;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.Label;
import com.codename1.ui.TextArea;
import com.codename1.ui.TextField;
import com.codename1.ui.layouts.BorderLayout;
import com.codename1.ui.layouts.BoxLayout;
import com.codename1.ui.layouts.GridLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.AppointmentZones;
import fr.creneau.app.logic.ErrorText;
import fr.creneau.app.logic.PracticeZones;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.NotificationInboxDto;
import fr.creneau.model.api.NotificationItemDto;
import fr.creneau.model.api.StatusChangeRequest;
import fr.creneau.model.rules.AppointmentStatus;
import fr.creneau.model.rules.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * The patient's notifications (own and relatives'), newest first, unread ones marked: what each push, SMS or email
 * said, in the server's words. A tap marks it read and opens its appointment (or the requests); items the server
 * offers CONFIRM or CANCEL on show those buttons, and a cancellation asks for the reason, as on the appointment
 * screen. The actions come from the server (status rules and cutoff), never decided here.
 */
public class NotificationsForm {
    static final int PAGE = 20;
    private final Form form;
    private final SpanLabel msg = Ui.messageArea("notificationsMessage");
    private final Container list = new Container(BoxLayout.y());
    private final List<NotificationItemDto> items = new ArrayList<NotificationItemDto>();
    private Integer nextOffset;
    private int unread;
    /** The practices' zones, from the patient's appointments (a notification names its appointment, not its zone). */
    private AppointmentZones zones;

    public NotificationsForm(Form back) {
        form = Ui.form("notifications.title", "Notifications", back);
        if (back == null) {
            form.getToolbar().setBackCommand(Ui.tr("action.back"), e -> Nav.home());
        }
        form.add(msg);
        form.add(list);
        form.addShowListener(e -> load());
    }

    void load() {
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        ApiResult<NotificationInboxDto> res = Api.notifications(PAGE, 0);
        items.clear();
        if (!res.ok() || res.value == null) {
            Ui.showMessage(msg, res.message(), true);
            form.putClientProperty("loaded", Integer.valueOf(-1));
            render();
            return;
        }
        add(res.value);
        if (zones == null) {
            zones = zones();
        }
        Ui.showMessage(msg, items.isEmpty() ? Ui.tr("notifications.none") : null, false);
        render();
    }

    /** The zones of the patient's appointments, upcoming and past; what fails to load falls back to Europe/Paris. */
    private static AppointmentZones zones() {
        AppointmentZones z = new AppointmentZones();
        ApiResult<List<AppointmentDto>> upcoming = Api.mine("upcoming");
        if (upcoming.ok()) {
            z.add(upcoming.value);
        }
        ApiResult<List<AppointmentDto>> past = Api.mine("past");
        if (past.ok()) {
            z.add(past.value);
        }
        return z;
    }

    private void add(NotificationInboxDto page) {
        if (page.items != null) {
            items.addAll(page.items);
        }
        nextOffset = page.nextOffset;
        unread = page.unread == null ? 0 : page.unread.intValue();
    }

    private void more() {
        ApiResult<NotificationInboxDto> res = Api.notifications(PAGE, nextOffset == null ? 0 : nextOffset.intValue());
        if (res.ok() && res.value != null) {
            add(res.value);
            render();
        } else {
            Ui.showMessage(msg, res.message(), true);
        }
    }

    private void render() {
        list.removeAll();
        for (int i = 0; i < items.size(); i++) {
            list.add(card(items.get(i)));
        }
        if (nextOffset != null) {
            list.add(Ui.secondary("notifications.more", "notifMore", e -> more()));
        }
        form.putClientProperty("loaded", Integer.valueOf(items.size()));
        form.putClientProperty("unread", Integer.valueOf(unread));
        form.revalidate();
    }

    private Container card(final NotificationItemDto n) {
        Container lines = new Container(BoxLayout.y());
        Container head = new Container(new BorderLayout());
        head.add(BorderLayout.CENTER, Ui.line(n.title, Boolean.TRUE.equals(n.read) ? "CardTitle" : "CardTitleUnread"));
        if (!Boolean.TRUE.equals(n.read)) {
            Label dot = new Label(Ui.tr("notifications.unread"), "UnreadBadge");
            dot.setName("unread-" + n.id);
            head.add(BorderLayout.EAST, dot);
        }
        lines.add(head);
        lines.add(Ui.line(n.body, "CardLine"));
        if (n.at != null) {
            String tz = zones == null ? PracticeZones.DEFAULT : zones.of(n.appointmentId);
            lines.add(Ui.line(I18n.dates().dateTime(n.at, tz), "CardMeta"));
        }
        Container c = Ui.card(lines);
        Ui.tappable(c, "notif-" + n.id, e -> open(n));
        Container outer = new Container(BoxLayout.y());
        outer.add(c);
        if (n.appointmentId != null && (n.can(NotificationItemDto.CONFIRM) || n.can(NotificationItemDto.CANCEL))) {
            outer.add(actions(n));
        }
        return outer;
    }

    private Container actions(final NotificationItemDto n) {
        final Container box = new Container(BoxLayout.y());
        Container row = new Container(new GridLayout(1, 2));
        if (n.can(NotificationItemDto.CONFIRM)) {
            row.add(Ui.button("move.CONFIRMED", "notif-confirm-" + n.id, "ActionButton",
                    e -> change(n, AppointmentStatus.CONFIRMED, null)));
        }
        if (n.can(NotificationItemDto.CANCEL)) {
            row.add(Ui.button("notifications.cancel", "notif-cancel-" + n.id, "ActionButton", e -> askReason(n, box)));
        }
        box.add(row);
        return box;
    }

    /** As on the appointment screen: the reason first, then the cancellation. */
    private void askReason(final NotificationItemDto n, Container box) {
        if (box.getComponentCount() > 1) {
            return;
        }
        final TextField reason = Ui.field(box, "appointment.reason", "notif-reason-" + n.id, "", TextArea.ANY);
        box.add(Ui.danger("appointment.cancel", "notif-cancelSend-" + n.id,
                e -> change(n, AppointmentStatus.CANCELLED_BY_PATIENT, reason.getText().trim())));
        form.revalidate();
        form.scrollComponentToVisible(reason);
    }

    private void change(NotificationItemDto n, AppointmentStatus target, String reason) {
        StatusChangeRequest r = new StatusChangeRequest();
        r.status = target;
        r.reason = reason == null || reason.length() == 0 ? null : reason;
        List<FieldError> errs = r.validate();
        if (!errs.isEmpty()) {
            Ui.showMessage(msg, ErrorText.fields(I18n.TEXTS, errs), true);
            form.revalidate();
            return;
        }
        ApiResult<AppointmentDto> res = Api.changeStatus(n.appointmentId, target, r.reason);
        if (res.ok()) {
            Api.markNotificationRead(n.id);
            load();
            Ui.showMessage(msg, Ui.tr(target.isCancelled() ? "appointment.cancelled" : "notifications.confirmed"), false);
            form.putClientProperty("done", target.name());
        } else {
            Ui.showMessage(msg, res.message(), true);
        }
        form.revalidate();
    }

    private void open(NotificationItemDto n) {
        if (!Boolean.TRUE.equals(n.read)) {
            Api.markNotificationRead(n.id);
            n.read = Boolean.TRUE;
            unread = Math.max(0, unread - 1);
            render();
        }
        if (n.appointmentId != null) {
            ApiResult<AppointmentDto> a = Api.appointment(n.appointmentId);
            if (a.ok() && a.value != null) {
                new AppointmentForm(a.value, form).show();
            } else {
                Ui.showMessage(msg, a.message(), true);
            }
        } else if (n.requestId != null) {
            new MyRequestsForm(form).show();
        }
    }

    public void show() {
        form.show();
    }
}
