package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Button;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.Label;
import com.codename1.ui.layouts.BoxLayout;
import com.codename1.ui.layouts.FlowLayout;
import com.codename1.ui.layouts.GridLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.AgendaDays;
import fr.creneau.app.logic.Instants;
import fr.creneau.app.logic.OfflineCache;
import fr.creneau.app.logic.PracticeZones;
import fr.creneau.model.api.AccountDto;
import fr.creneau.model.api.AppointmentDto;
import fr.creneau.model.api.PractitionerDto;
import fr.creneau.model.rules.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * Staff home: the day or week agenda of a practitioner (their own for a practitioner, any of the practice for the
 * secretariat) with patient, motive, state and channel. Today's agenda stays readable offline.
 */
public class AgendaForm {
    private final Form form;
    private final SpanLabel msg = Ui.messageArea("agendaMessage");
    private final Container list = new Container(BoxLayout.y());
    private final Container practitioners = new Container(new FlowLayout());
    private final Label rangeLabel = new Label();
    private final SpanLabel liveAlert = new SpanLabel();
    private final Button dayTab;
    private final Button weekTab;
    private Long practitionerId;
    private String practitionerName;
    private List<PractitionerDto> staffList = new ArrayList<PractitionerDto>();
    /** Why the practice's practitioners could not be listed (shown instead of "choose a practitioner"), or null. */
    private String practitionersError;
    private boolean week;
    private String day;
    /** The practice's zone: asked at the first show (Europe/Paris until the server has told it). */
    private String timezone = PracticeZones.DEFAULT;
    private boolean zoneKnown;

    public AgendaForm(Long practitionerId) {
        AccountDto acc = Session.get().account();
        this.practitionerId = practitionerId != null ? practitionerId : (acc == null ? null : acc.practitionerId);
        if (acc != null && PracticeZones.known(acc.practiceId) != null) {
            timezone = PracticeZones.known(acc.practiceId);
            zoneKnown = true;
        }
        form = Ui.form("agenda.title", "Agenda", null);
        form.getToolbar().addCommandToOverflowMenu(Ui.tr("action.logout"), null, e -> logout());
        day = Instants.localDate(System.currentTimeMillis(), timezone);
        form.add(Ui.line(acc == null || acc.displayName == null ? "" : acc.displayName, "Greeting"));
        form.add(practitioners);
        Container tabs = new Container(new GridLayout(1, 2));
        dayTab = Ui.button("agenda.day", "dayTab", "TabSelected", e -> setWeek(false));
        weekTab = Ui.button("agenda.week", "weekTab", "Tab", e -> setWeek(true));
        tabs.add(dayTab).add(weekTab);
        form.add(tabs);
        rangeLabel.setUIID("DayLabel");
        rangeLabel.setName("agendaRange");
        form.add(rangeLabel);
        Container nav = new Container(new GridLayout(1, 2));
        nav.add(Ui.secondary("agenda.prev", "agendaPrev", e -> shift(-1)));
        nav.add(Ui.secondary("agenda.next", "agendaNext", e -> shift(1)));
        form.add(nav);
        Container actions = new Container(new GridLayout(1, 2));
        actions.add(Ui.secondary("agenda.block", "blockButton", e -> {
            if (this.practitionerId != null) {
                new BlockForm(this.practitionerId, practitionerName, timezone, day, form).show();
            }
        }));
        actions.add(Ui.secondary("agenda.free", "freeButton", e -> {
            if (this.practitionerId != null) {
                new FreeSlotForm(this.practitionerId, timezone, day, form).show();
            }
        }));
        form.add(actions);
        if (acc != null && (acc.role == Role.SECRETARY || acc.role == Role.PRACTICE_ADMIN)) {
            // One per line: "Nouvel appel" and "Trouver un patient" were cut side by side at the primary size
            form.add(Ui.primary("agenda.call", "callButton", e -> new CallForm(form).show()));
            form.add(Ui.primary("agenda.findPatient", "findPatientButton", e -> new PatientSearchForm(form).show()));
            form.add(Ui.secondary("agenda.waitlist", "practiceWaitlistButton", e -> new StaffWaitlistForm(form).show()));
            form.add(Ui.secondary("agenda.callbacks", "callbacksButton", e -> new CallbacksForm(form).show()));
        } else if (acc != null && acc.role == Role.PRACTITIONER) {
            // who waits for the slots they may free; reading only, the secretariat runs the list
            form.add(Ui.secondary("agenda.practitionerWaitlist", "practitionerWaitlistButton",
                    e -> new StaffWaitlistForm(form, true).show()));
        }
        if (acc != null && (acc.role == Role.PRACTITIONER || acc.role == Role.PRACTICE_ADMIN)) {
            // the server serves the practice's indicators to these two roles only (not the secretariat)
            form.add(Ui.secondary("agenda.indicators", "indicatorsButton", e -> new IndicatorsForm(form).show()));
        }
        form.add(Ui.secondary("agenda.inbox", "inboxButton", e -> new InboxForm(form).show()));
        liveAlert.setName("liveAlert");
        liveAlert.setTextUIID("LiveAlert");
        liveAlert.setHidden(true);
        form.add(liveAlert);
        form.add(msg);
        form.add(list);
        form.add(Ui.secondary("action.logout", "logoutButton", e -> logout()));
        form.addShowListener(e -> {
            load();
            listenLive();
        });
    }

    /**
     * Live updates: the agenda reloads on AGENDA_CHANGED and ARRIVAL while it is on screen; new requests and
     * urgent transfers show as a banner. The last event's name is kept as the form's "live" property.
     */
    private void listenLive() {
        Ui.listenLive(form, (name, data) -> {
            if ("AGENDA_CHANGED".equals(name) || "ARRIVAL".equals(name)) {
                load();
            } else if ("URGENT_TRANSFER".equals(name) || "NEW_REQUEST".equals(name)) {
                boolean urgent = "URGENT_TRANSFER".equals(name);
                liveAlert.setText(Ui.tr(urgent ? "live.urgentTransfer" : "live.newRequest"));
                liveAlert.setTextUIID(urgent ? "LiveAlert" : "InfoText");
                liveAlert.setHidden(false);
                form.revalidate();
                if (urgent) {
                    form.scrollComponentToVisible(liveAlert);
                }
            }
        });
    }

    private void logout() {
        Api.logout();
        new LoginForm().show();
    }

    /**
     * The practice's practitioners, to switch agendas (a practitioner sees their own). When they cannot be listed
     * the reason is kept for {@link #load}, which asks again at the next day or week tap or show. False when the
     * session has expired (the login screen is shown).
     */
    private boolean loadPractitioners() {
        AccountDto acc = Session.get().account();
        if (acc == null || acc.practiceId == null) {
            return true;
        }
        ApiResult<List<PractitionerDto>> res = Api.practitioners("", null, acc.practiceId);
        if (res.status == 401) {
            Session.get().clear();
            new LoginForm().show();
            return false;
        }
        if (!res.ok()) {
            practitionersError = res.message();
            return true;
        }
        practitionersError = null;
        staffList = res.value;
        boolean canSwitch = acc.role != Role.PRACTITIONER;
        practitioners.removeAll();
        for (int i = 0; i < staffList.size(); i++) {
            final PractitionerDto p = staffList.get(i);
            if (practitionerId == null && canSwitch) {
                practitionerId = p.id;
            }
            if (p.id.equals(practitionerId)) {
                practitionerName = p.fullName();
            }
            if (!canSwitch) {
                continue;
            }
            Button b = new Button(p.fullName());
            b.setName("agendaOf-" + p.id);
            b.setUIID(p.id.equals(practitionerId) ? "ChipSelected" : "Chip");
            b.addActionListener(e -> {
                practitionerId = p.id;
                practitionerName = p.fullName();
                for (int j = 0; j < practitioners.getComponentCount(); j++) {
                    practitioners.getComponentAt(j).setUIID("Chip");
                }
                b.setUIID("ChipSelected");
                load();
            });
            practitioners.add(b);
        }
        form.revalidate();
        return true;
    }

    private void setWeek(boolean w) {
        week = w;
        dayTab.setUIID(w ? "Tab" : "TabSelected");
        weekTab.setUIID(w ? "TabSelected" : "Tab");
        load();
    }

    private void shift(int dir) {
        day = Instants.addDays(day, week ? 7 * dir : dir);
        load();
    }

    private String from() {
        return week ? Instants.mondayOf(day) : day;
    }

    private String to() {
        return Instants.addDays(from(), week ? 7 : 1);
    }

    private String cacheKey() {
        AccountDto acc = Session.get().account();
        return OfflineCache.key(acc == null ? null : acc.id, "agenda-" + practitionerId);
    }

    /**
     * The practice's own zone, asked once (shared with the other screens): "today", the days and the blocks are the
     * practice's, whatever the appointments loaded. Until the server answers (offline) the appointments' zone or
     * Europe/Paris stands in, and it is asked again at the next load.
     */
    private void practiceZone() {
        AccountDto acc = Session.get().account();
        if (zoneKnown || acc == null || acc.practiceId == null) {
            return;
        }
        RequestView.zone(acc.practiceId);
        String z = PracticeZones.known(acc.practiceId);
        if (z != null) {
            zoneKnown = true;
            changeZone(z);
        }
    }

    /** A new zone keeps "today" on today (in that zone); another day shown stays that day. */
    private void changeZone(String z) {
        if (!z.equals(timezone)) {
            boolean today = day.equals(Instants.localDate(System.currentTimeMillis(), timezone));
            timezone = z;
            if (today) {
                day = Instants.localDate(System.currentTimeMillis(), timezone);
            }
        }
    }

    void load() {
        practiceZone();
        form.putClientProperty("timezone", timezone);
        form.putClientProperty("day", day);
        rangeLabel.setText(week ? Ui.tr("agenda.weekOf", I18n.dates().shortDate(from()))
                : I18n.dates().date(day));
        if (staffList.isEmpty() && !loadPractitioners()) {
            return;
        }
        if (practitionerId == null) {
            // the secretariat picks a practitioner; without the list, say why it is missing
            Ui.showMessage(msg, practitionersError != null ? practitionersError : Ui.tr("agenda.noPractitioner"), true);
            return;
        }
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        ApiResult<List<AppointmentDto>> res = Api.agenda(practitionerId, from(), to());
        OfflineCache cache = new OfflineCache(Session.get().store());
        String today = Instants.localDate(System.currentTimeMillis(), timezone);
        if (res.ok()) {
            Ui.showMessage(msg, null, false);
            if (!zoneKnown && !res.value.isEmpty() && res.value.get(0).timezone != null) {
                // the practice could not be asked: its appointments carry its zone too
                timezone = res.value.get(0).timezone;
            }
            AgendaDays days = new AgendaDays(res.value, timezone);
            if (from().compareTo(today) <= 0 && to().compareTo(today) > 0) {
                cache.save(cacheKey(), days.on(today), System.currentTimeMillis());
            }
            render(days);
        } else if (res.status == 401) {
            Session.get().clear();
            new LoginForm().show();
        } else {
            OfflineCache.Entry cached = cache.load(cacheKey());
            if (cached != null && !week && day.equals(today)) {
                Ui.showMessage(msg, res.message() + "\n" + Ui.tr("offline.lastUpdated",
                        I18n.dates().updatedAt(cached.savedAtMillis, timezone)), true);
                render(new AgendaDays(cached.items, timezone));
            } else {
                Ui.showMessage(msg, res.message(), true);
                list.removeAll();
                form.revalidate();
            }
        }
    }

    private void render(AgendaDays days) {
        list.removeAll();
        String d = from();
        int count = week ? 7 : 1;
        for (int i = 0; i < count; i++) {
            List<AppointmentDto> items = days.on(d);
            if (week) {
                list.add(Ui.title(I18n.dates().shortDate(d)));
            }
            if (items.isEmpty()) {
                list.add(Ui.line(Ui.tr("agenda.empty"), "EmptyText"));
            }
            for (int j = 0; j < items.size(); j++) {
                final AppointmentDto a = items.get(j);
                list.add(AppointmentCard.of(a, true, e -> new AppointmentForm(a, form).show()));
            }
            d = Instants.addDays(d, 1);
        }
        form.revalidate();
    }

    public void show() {
        form.show();
    }
}
