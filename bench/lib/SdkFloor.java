import fr.creneau.backend.notification.FcmClient;
import fr.creneau.backend.notification.FcmPushChannel;
import fr.creneau.backend.notification.NotificationChannel.Outcome;
import fr.creneau.backend.notification.NotificationChannel.Outgoing;
import fr.creneau.backend.notification.NotificationChannel.SendResult;
import fr.creneau.backend.notification.RenderedMessage;

import java.io.FileInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The push path without the dispatcher: the backend's own FcmPushChannel (the same Message building, the same
 * FcmClient transport and executor, the real Firebase Admin SDK) sending prepared reminders to the fake FCM, with no
 * database, no claim, no rendering and no marks. What it reaches is the most the dispatcher could reach on this
 * machine with this SDK: the dispatcher only adds work to it.
 *
 * <p>Usage (classpath: the packaged backend's app and lib jars):
 * {@code java -cp ... bench/lib/SdkFloor.java SERVICE_ACCOUNT FAKE_URL WARMUP MEASURED WORKERS CHUNK CONCURRENCY}
 * Prints one line: {@code messages=.. seconds=.. rate=.. cpu_ms_per_1000=.. failed=..}.
 */
public class SdkFloor {
    public static void main(String[] args) throws Exception {
        String serviceAccount = args[0];
        String fake = args[1];
        int warmup = Integer.parseInt(args[2]);
        int measured = Integer.parseInt(args[3]);
        int workers = Integer.parseInt(args[4]);
        int chunk = Integer.parseInt(args[5]);
        int concurrency = Integer.parseInt(args[6]);
        FcmPushChannel push;
        try (InputStream in = new FileInputStream(serviceAccount)) {
            push = new FcmPushChannel(FcmClient.create(in, "creneau-bench",
                    new FcmClient.Settings(concurrency, Duration.ofSeconds(5), Duration.ofSeconds(10), fake), "sdk-floor"));
        }
        AtomicLong ids = new AtomicLong(1_000_000_000L);
        run(push, ids, warmup, workers, chunk);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long failed = run(push, ids, measured, workers, chunk);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMs = (processCpuNanos() - cpu0) / 1e6;
        System.out.printf("messages=%d seconds=%.2f rate=%.0f cpu_ms_per_1000=%.0f failed=%d%n", measured, seconds,
                measured / seconds, cpuMs / measured * 1000, failed);
        System.exit(0);
    }

    /** Sends n messages from `workers` threads, each taking `chunk` at a time, as the dispatcher's workers do. */
    static long run(FcmPushChannel push, AtomicLong ids, int n, int workers, int chunk) throws InterruptedException {
        AtomicLong left = new AtomicLong(n);
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                while (true) {
                    long take = Math.min(chunk, left.getAndAdd(-chunk));
                    if (take <= 0) {
                        return;
                    }
                    List<Outgoing> batch = new ArrayList<>((int) take);
                    for (int i = 0; i < take; i++) {
                        long id = ids.incrementAndGet();
                        batch.add(new Outgoing(id, "creneau-" + id, "cn1-fcm-bench-token-" + id,
                                new RenderedMessage("Rappel : rendez-vous aujourd'hui",
                                        "Maison de santé Bench, lundi 7 décembre à 14:15, 1 rue de la Paix, 75002 Paris",
                                        null, null, null, null),
                                Map.of("type", "REMINDER_2H", "appointmentId", Long.toString(id))));
                    }
                    for (SendResult r : push.send(batch)) {
                        if (r.outcome() != Outcome.SENT) {
                            failed.incrementAndGet();
                        }
                    }
                }
            }, "floor-worker-" + w);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return failed.get();
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
