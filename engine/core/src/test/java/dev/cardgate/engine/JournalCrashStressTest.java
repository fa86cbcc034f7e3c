package dev.cardgate.engine;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;

/**
 * {@link JournalCrashTest} 20 times, each round on a fresh data folder: kill -9 under load, then
 * every answered decision must be in the journal. Only with {@code mvn -Pstress}.
 */
@Tag("stress")
class JournalCrashStressTest extends JournalCrashTest {
    @RepeatedTest(20)
    void killNineUnderLoadLosesNoAnsweredDecision() throws Exception {
        everyAnsweredDecisionSurvivesKillNineAndTheTornTailIsCutOff();
    }
}
