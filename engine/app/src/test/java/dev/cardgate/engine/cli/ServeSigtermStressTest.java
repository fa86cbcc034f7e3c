package dev.cardgate.engine.cli;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;

/**
 * {@link ServeSigtermUnderLoadTest} 20 times, each round on a fresh data folder: SIGTERM under
 * load, then lost = 0 and 96-on-shutdown = 0 against the journal. Only with {@code mvn -Pstress}.
 */
@Tag("stress")
class ServeSigtermStressTest extends ServeSigtermUnderLoadTest {
    @RepeatedTest(20)
    void sigtermUnderLoadAnswersEveryTakenRequestWithItsJournaledDecision() throws Exception {
        everyRequestTakenBeforeSigtermIsAnsweredWithItsDecisionAndJournaled();
    }
}
