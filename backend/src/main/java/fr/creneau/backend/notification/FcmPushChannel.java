package fr.creneau.backend.notification;

import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import com.google.firebase.messaging.SendResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Push through FCM HTTP v1 with the Firebase Admin SDK.
 *
 * <p>Codename One registers Android devices as {@code cn1-fcm-<FCM token>}: the prefix is stripped and the token
 * goes to FCM. iOS devices register as {@code cn1-ios-<APNs token>}: a raw APNs device token is not an FCM
 * registration token, and FCM HTTP v1 has no way to address one, so those are skipped with a recorded reason
 * (reaching them needs either the Firebase iOS SDK in the app, which then reports an FCM token, or a direct
 * APNs channel).
 *
 * <p>FCM has no idempotency key of its own. The outbox id travels as {@code data.idempotencyKey} (the app drops a
 * message it has already shown), as the Android collapse key and as the APNs collapse id, so that a copy re-sent
 * after a crash replaces the first one on the device instead of showing twice.
 */
public final class FcmPushChannel implements NotificationChannel {
    public static final String FCM_PREFIX = "cn1-fcm-";
    public static final String IOS_PREFIX = "cn1-ios-";
    /** FCM's limit for one sendEach call. */
    static final int MAX_BATCH = 500;

    private final FirebaseMessaging messaging;

    public FcmPushChannel(FirebaseMessaging messaging) {
        this.messaging = messaging;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.PUSH;
    }

    @Override
    public List<SendResult> send(List<Outgoing> messages) {
        SendResult[] results = new SendResult[messages.size()];
        List<Message> batch = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Outgoing o = messages.get(i);
            String token = fcmToken(o.target());
            if (token == null) {
                results[i] = SendResult.skipped(o.target() != null && o.target().startsWith(IOS_PREFIX)
                        ? "apns_token_not_addressable_by_fcm" : "unknown_push_key_format");
                continue;
            }
            batch.add(message(o, token));
            positions.add(i);
            if (batch.size() == MAX_BATCH) {
                flush(batch, positions, results);
            }
        }
        flush(batch, positions, results);
        return Arrays.asList(results);
    }

    /** The FCM registration token in a Codename One push key, or null when the key is not an FCM one. */
    public static String fcmToken(String pushKey) {
        if (pushKey == null) {
            return null;
        }
        if (pushKey.startsWith(FCM_PREFIX)) {
            String token = pushKey.substring(FCM_PREFIX.length());
            return token.isBlank() ? null : token;
        }
        return null;
    }

    private void flush(List<Message> batch, List<Integer> positions, SendResult[] results) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            BatchResponse response = messaging.sendEach(batch);
            List<SendResponse> each = response.getResponses();
            for (int j = 0; j < each.size(); j++) {
                SendResponse r = each.get(j);
                results[positions.get(j)] = r.isSuccessful() ? SendResult.sent(r.getMessageId()) : classify(r.getException());
            }
        } catch (FirebaseMessagingException e) {
            for (Integer p : positions) {
                results[p] = classify(e);
            }
        } catch (RuntimeException e) {
            for (Integer p : positions) {
                results[p] = SendResult.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        batch.clear();
        positions.clear();
    }

    static SendResult classify(FirebaseMessagingException e) {
        MessagingErrorCode code = e == null ? null : e.getMessagingErrorCode();
        String error = (code == null ? "FCM" : code.name()) + ": " + (e == null ? "no detail" : e.getMessage());
        if (code == MessagingErrorCode.UNREGISTERED || code == MessagingErrorCode.INVALID_ARGUMENT
                || code == MessagingErrorCode.SENDER_ID_MISMATCH) {
            return SendResult.gone(error);
        }
        return SendResult.retry(error);
    }

    private static Message message(Outgoing o, String token) {
        String key = o.idempotencyKey();
        Message.Builder builder = Message.builder();
        if (o.data() != null) {
            builder.putAllData(o.data());
        }
        // A push action category (data "category", see Dispatcher.CONFIRM_CANCEL_CATEGORY) makes the device show the
        // app's Confirm/Cancel buttons: Android click_action, APNs aps.category
        String category = o.data() == null ? null : o.data().get("category");
        AndroidConfig.Builder android = AndroidConfig.builder().setCollapseKey(key);
        com.google.firebase.messaging.Aps.Builder aps = com.google.firebase.messaging.Aps.builder();
        if (category != null) {
            android.setNotification(com.google.firebase.messaging.AndroidNotification.builder().setClickAction(category).build());
            aps.setCategory(category);
        }
        return builder
                .setToken(token)
                .setNotification(Notification.builder().setTitle(o.message().title()).setBody(o.message().shortText()).build())
                .putData("idempotencyKey", key)
                .putData("outboxId", Long.toString(o.outboxId()))
                .setAndroidConfig(android.build())
                .setApnsConfig(ApnsConfig.builder().putHeader("apns-collapse-id", key).setAps(aps.build()).build())
                .build();
    }
}
