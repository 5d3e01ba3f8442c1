package fr.creneau.app.logic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneAtATimeTest {
    @Test
    void aSecondTapWhileTheFirstRunsIsDropped() {
        final OneAtATime guard = new OneAtATime();
        final int[] sent = {0};
        final boolean[] nestedRan = {true};
        // the second tap arrives while the first action waits for the server, i.e. inside it
        assertTrue(guard.run(new Runnable() {
            public void run() {
                sent[0]++;
                nestedRan[0] = guard.run(new Runnable() {
                    public void run() {
                        sent[0]++;
                    }
                });
            }
        }));
        assertFalse(nestedRan[0]);
        assertEquals(1, sent[0]);
    }

    @Test
    void tapsOneAfterTheOtherEachRun() {
        OneAtATime guard = new OneAtATime();
        final int[] sent = {0};
        Runnable send = new Runnable() {
            public void run() {
                sent[0]++;
            }
        };
        assertTrue(guard.run(send));
        assertTrue(guard.run(send));
        assertEquals(2, sent[0]);
    }

    @Test
    void aFailedActionDoesNotLockTheButton() {
        OneAtATime guard = new OneAtATime();
        assertThrows(IllegalStateException.class, () -> guard.run(() -> {
            throw new IllegalStateException("no network");
        }));
        final boolean[] ran = {false};
        assertTrue(guard.run(() -> ran[0] = true));
        assertTrue(ran[0]);
    }
}
