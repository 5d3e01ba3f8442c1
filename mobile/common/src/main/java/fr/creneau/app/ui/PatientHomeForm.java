package fr.creneau.app.ui;

import com.codename1.components.SpanLabel;
import com.codename1.ui.Button;
import com.codename1.ui.Container;
import com.codename1.ui.Form;
import com.codename1.ui.layouts.BoxLayout;
import com.codename1.ui.layouts.GridLayout;
import fr.creneau.app.I18n;
import fr.creneau.app.Session;
import fr.creneau.app.api.Api;
import fr.creneau.app.api.ApiResult;
import fr.creneau.app.logic.OfflineCache;
import fr.creneau.model.api.AppointmentDto;

import java.util.List;

/**
 * A patient's home: upcoming and past appointments (upcoming ones stay readable offline with their "last updated"
 * time), book a new one, add a relative, log out.
 */
public class PatientHomeForm {
    private final Form form;
    private final Container list = new Container(BoxLayout.y());
    private final SpanLabel msg = Ui.messageArea("homeMessage");
    private boolean past;
    private final Button upcomingTab;
    private final Button pastTab;
    private final Button bell;
    /** Open waitlist offers, on top: a freed slot waits for a claim. */
    private final Container offers = new Container(BoxLayout.y());

    public PatientHomeForm() {
        form = Ui.form("home.title", "PatientHome", null);
        form.getToolbar().addCommandToOverflowMenu(Ui.tr("action.logout"), null, e -> logout());
        String who = Session.get().account() == null ? "" : Session.get().account().displayName;
        form.add(Ui.line(Ui.tr("home.hello", who == null ? "" : who), "Greeting"));
        form.add(Ui.primary("home.book", "bookButton", e -> {
            BookingContext ctx = new BookingContext();
            new SearchForm(ctx, form).show();
        }));
        // one per line: side by side, "Écrire au cabinet" and "Mes demandes" were cut on a phone's width
        form.add(Ui.secondary("home.write", "writeButton", e -> new RequestForm(form).show()));
        form.add(Ui.secondary("home.messages", "messagesButton", e -> new MyRequestsForm(form).show()));
        bell = Ui.secondary("home.notifications", "notificationsButton", e -> new NotificationsForm(form).show());
        form.add(bell);
        form.add(Ui.secondary("waitlist.mine", "myWaitlistButton", e -> new MyWaitlistForm(form).show()));
        form.add(offers);
        Container tabs = new Container(new GridLayout(1, 2));
        upcomingTab = Ui.button("home.upcoming", "upcomingTab", "TabSelected", e -> select(false));
        pastTab = Ui.button("home.past", "pastTab", "Tab", e -> select(true));
        tabs.add(upcomingTab).add(pastTab);
        form.add(tabs);
        form.add(msg);
        form.add(list);
        Container bottom = new Container(BoxLayout.y());
        bottom.add(Ui.secondary("home.addRelative", "addRelativeButton", e -> new RelativeForm(form).show()));
        bottom.add(Ui.secondary("action.logout", "logoutButton", e -> logout()));
        form.add(bottom);
        form.addShowListener(e -> {
            load();
            unread();
        });
    }

    /** The bell: "Notifications (2 unread)", from the inbox's count (one item asked, the count covers all). */
    private void unread() {
        ApiResult<fr.creneau.model.api.NotificationInboxDto> res = Api.notifications(1, 0);
        int n = res.ok() && res.value != null && res.value.unread != null ? res.value.unread.intValue() : 0;
        bell.setText(n > 0 ? Ui.tr("home.notificationsUnread", String.valueOf(n)) : Ui.tr("home.notifications"));
        form.putClientProperty("unread", Integer.valueOf(n));
        form.revalidate();
    }

    private void logout() {
        Api.logout();
        new LoginForm().show();
    }

    private void select(boolean showPast) {
        past = showPast;
        upcomingTab.setUIID(showPast ? "Tab" : "TabSelected");
        pastTab.setUIID(showPast ? "TabSelected" : "Tab");
        load();
    }

    private String cacheKey() {
        return OfflineCache.key(Session.get().account() == null ? null : Session.get().account().id, "upcoming");
    }

    void load() {
        loadOffers();
        Ui.showMessage(msg, Ui.tr("common.loading"), false);
        ApiResult<List<AppointmentDto>> res = Api.mine(past ? "past" : "upcoming");
        OfflineCache cache = new OfflineCache(Session.get().store());
        if (res.ok()) {
            Ui.showMessage(msg, null, false);
            if (!past) {
                cache.save(cacheKey(), res.value, System.currentTimeMillis());
            }
            show(res.value);
        } else if (res.status == 401) {
            Session.get().clear();
            new LoginForm().show();
        } else {
            OfflineCache.Entry cached = past ? null : cache.load(cacheKey());
            if (cached != null) {
                Ui.showMessage(msg, res.message() + "\n" + Ui.tr("offline.lastUpdated",
                        I18n.dates().updatedAt(cached.savedAtMillis, zoneOf(cached.items))), true);
                show(cached.items);
            } else {
                Ui.showMessage(msg, res.message(), true);
                show(null);
            }
        }
    }

    private void loadOffers() {
        offers.removeAll();
        ApiResult<List<fr.creneau.model.api.WaitlistOfferDto>> res = Api.myOffers();
        int open = 0;
        if (res.ok()) {
            for (int i = 0; i < res.value.size(); i++) {
                if (res.value.get(i).isOpen()) {
                    offers.add(OfferForm.banner(res.value.get(i), form));
                    open++;
                }
            }
        }
        form.putClientProperty("openOffers", Integer.valueOf(open));
    }

    /** The practice's time zone (from the appointments themselves), never the device's. */
    private static String zoneOf(List<AppointmentDto> items) {
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).timezone != null) {
                    return items.get(i).timezone;
                }
            }
        }
        return "Europe/Paris";
    }

    private void show(List<AppointmentDto> items) {
        list.removeAll();
        java.util.Set<Long> waiting = past ? new java.util.HashSet<Long>() : proposalsBanner();
        if (items == null || items.isEmpty()) {
            list.add(Ui.text(Ui.tr(past ? "home.noPast" : "home.noUpcoming"), "EmptyText"));
        } else {
            for (int i = 0; i < items.size(); i++) {
                final AppointmentDto a = items.get(i);
                list.add(AppointmentCard.of(a, false, e -> new AppointmentForm(a, form).show()));
                if (waiting.contains(a.id)) {
                    // cancelled because the practitioner is away: the slots proposed instead are one tap away
                    list.add(Ui.secondary("proposals.waiting", "waiting-" + a.id, e -> new ProposalsForm(form).show()));
                }
            }
        }
        form.revalidate();
    }

    /**
     * When a practice cancelled appointments because the practitioner is away and proposed other slots: a banner
     * at the top of the upcoming list; answers the cancelled appointments' ids, which show "proposals waiting".
     */
    private java.util.Set<Long> proposalsBanner() {
        java.util.Set<Long> ids = new java.util.HashSet<Long>();
        ApiResult<List<fr.creneau.model.api.AbsenceFalloutDto>> res = Api.myAbsenceProposals();
        if (!res.ok() || res.value.isEmpty()) {
            return ids;
        }
        for (int i = 0; i < res.value.size(); i++) {
            ids.add(res.value.get(i).appointmentId);
        }
        // a card rather than a button: the sentence wraps instead of being cut
        Container banner = Ui.card(Ui.wrap(Ui.tr("proposals.banner"), "CardTitle"),
                Ui.wrap(Ui.tr("proposals.bannerHint"), "CardLine"));
        Ui.tappable(banner, "proposalsBanner", e -> new ProposalsForm(form).show());
        list.add(banner);
        return ids;
    }

    public void show() {
        form.show();
    }
}
