package dev.cardgate.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AdmissionGateTest {
    @Test
    void admitsAsManyRequestsAsTheRingHoldsThenReportsFull() {
        final AdmissionGate gate = new AdmissionGate(4);
        for (int i = 0; i < 4; i++) {
            assertEquals(AdmissionGate.ADMITTED, gate.tryAdmit());
        }
        assertEquals(AdmissionGate.RING_FULL, gate.tryAdmit());
        assertEquals(4, gate.inFlight());

        gate.release(2);
        assertEquals(AdmissionGate.ADMITTED, gate.tryAdmit());
        assertEquals(3, gate.inFlight());
    }

    @Test
    void refusesEverythingOnceClosedButStillCountsWhatIsInFlight() {
        final AdmissionGate gate = new AdmissionGate(4);
        gate.tryAdmit();
        gate.close();
        gate.close();

        assertTrue(gate.isClosed());
        assertEquals(AdmissionGate.CLOSED, gate.tryAdmit());
        assertEquals(1, gate.inFlight());
        gate.release(1);
        assertEquals(0, gate.inFlight());
        assertEquals(AdmissionGate.CLOSED, gate.tryAdmit());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void racingProducersNeverHoldMorePermitsThanSlots() throws InterruptedException {
        final int capacity = 8;
        final AdmissionGate gate = new AdmissionGate(capacity);
        final AtomicInteger holding = new AtomicInteger();
        final AtomicInteger mostHeld = new AtomicInteger();
        final List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            final Thread producer = new Thread(() -> {
                for (int i = 0; i < 50_000; i++) {
                    if (gate.tryAdmit() == AdmissionGate.ADMITTED) {
                        mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        holding.decrementAndGet();
                        gate.release(1);
                    }
                }
            });
            producers.add(producer);
            producer.start();
        }
        for (final Thread producer : producers) {
            producer.join();
        }
        assertTrue(mostHeld.get() <= capacity, "held " + mostHeld.get());
        assertEquals(0, gate.inFlight());
        assertFalse(gate.isClosed());
    }
}
