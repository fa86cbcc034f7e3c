package dev.cardgate.benchmarks.rules;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.TerminalTotals;

/**
 * One decision of the decision handler (router, every check in order, the risk state learning
 * from it) per kind of outcome, with 100,000 registered terminals and 1,000,000 tracked cards.
 * Run with {@code -prof gc}: gc.alloc.rate.norm is the allocation per decision.
 *
 * <pre>
 * java @config/jvm.options -jar benchmarks/target/benchmarks.jar CheckChainBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@State(Scope.Thread)
public class CheckChainBenchmark {
    @Param({"approve", "terminal-unknown", "terminal-disabled", "terminal-faulty", "terminal-software",
        "merchant-mismatch", "terminal-not-signed-on", "luhn", "format", "expired", "amount", "currency",
        "blocklist", "policy", "limit", "velocity", "card-testing", "travel", "reversal", "echo", "advice", "void",
        "settlement"})
    public String kind;
    /** The registry's size; the smoke test passes a small one. */
    @Param({"100000"})
    public int terminals;
    /** Cards the risk state tracks; the smoke test passes a small number. */
    @Param({"1000000"})
    public int trackedCards;

    private CheckChainFixture fixture;
    private final AuthorizationEvent event = new AuthorizationEvent();
    private boolean rotating;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new CheckChainFixture(terminals, trackedCards);
        fixture.approvable(event);
        switch (kind) {
            case "approve" -> rotating = true;
            case "terminal-unknown" -> event.terminalId("NOSUCH01");
            case "terminal-disabled" -> event.terminalId("DISABLED");
            case "terminal-faulty" -> event.terminalId("FAULTY01");
            case "terminal-software" -> event.terminalId("OLDSOFT1");
            case "merchant-mismatch" -> event.merchantId("OTHERMERCHANT01");
            case "terminal-not-signed-on" -> event.terminalId("SIGNON01");
            case "luhn" -> event.panLuhnValid(false);
            case "format" -> event.presentFields(event.presentFields() & ~AuthorizationEvent.fieldBit(22));
            case "expired" -> event.expiryYearMonth(2001);
            case "amount" -> event.amountMinor(0);
            case "currency" -> event.currencyCode(392);
            case "blocklist" -> event.cardToken(fixture.stolenCard());
            case "policy" -> event.terminalId("CASINO01");
            case "limit" -> event.amountMinor(500_001);
            case "velocity" -> {
                event.cardToken(7, 5_000_000);
                for (int i = 0; i < 1_000; i++) {
                    fixture.decide(event);
                }
            }
            case "card-testing" -> {
                event.terminalId("CARDTEST").expiryYearMonth(2001);
                for (int i = 0; i < 50; i++) {
                    fixture.decide(event);
                }
                event.expiryYearMonth(2812);
            }
            case "travel" -> {
                event.cardToken(7, 6_000_000);
                fixture.decide(event);
                event.terminalId("FRANCE01");
            }
            case "reversal" -> event.messageTypeIndicator(400).originalMessageType(100)
                .originalSystemTraceAuditNumber(123_456).originalTransmissionDateTime(42);
            case "echo" -> event.messageTypeIndicator(800).networkManagementCode(301);
            // an offline sale advice: acknowledged, a new debit in the batch and a new transaction each time
            case "advice" -> event.messageTypeIndicator(220);
            // a void of a sale of the open batch: approved once, then the lookup and the 12 of a repeated void
            case "void" -> {
                event.messageTypeIndicator(200);
                fixture.decide(event);
                event.processingCode(20_000).originalDataElements(200, event.systemTraceAuditNumber(),
                    event.transmissionDateTime());
            }
            // a settlement whose totals agree (an empty batch): compared, answered 00, the batch closed
            case "settlement" -> event.messageTypeIndicator(500).terminalId("CARDTEST")
                .terminalTotal(TerminalTotals.PRESENT, (1L << TerminalTotals.fieldCount()) - 1)
                .terminalTotal(TerminalTotals.CURRENCY, 978);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
        fixture.decide(event);
        if (!rotating && event.reason() == null) {
            throw new IllegalStateException(kind + " was not decided");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    /**
     * One decision of the given kind through router, chain and risk state.
     *
     * @return field 39 and the rule, so the decision cannot be optimised away
     */
    @Benchmark
    public int decide() {
        if (rotating) {
            fixture.decideRotating(event);
        }
        else {
            fixture.decide(event);
        }
        return event.responseCode() * 1000 + event.ruleId();
    }
}
