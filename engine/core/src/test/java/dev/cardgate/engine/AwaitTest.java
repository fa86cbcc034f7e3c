package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AwaitTest {
    @Test
    void returnsOnceTheConditionHolds() {
        final AtomicInteger checks = new AtomicInteger();
        Await.until("the third check", Duration.ofSeconds(5), () -> checks.incrementAndGet() == 3);
        assertEquals(3, checks.get());
    }

    @Test
    void failsNamingWhatItAwaitedWhenTheInjectedClockPassesTheTimeout() {
        final AtomicLong now = new AtomicLong();
        final AssertionError failed = assertThrows(AssertionError.class, () -> Await.until("a reply",
            Duration.ofMillis(100), () -> false, () -> now.addAndGet(30_000_000L)));
        assertTrue(failed.getMessage().contains("still waiting after 100 ms for a reply"), failed.getMessage());
        assertTrue(now.get() <= 5 * 30_000_000L, "gave up as soon as the clock passed the timeout");
    }
}
