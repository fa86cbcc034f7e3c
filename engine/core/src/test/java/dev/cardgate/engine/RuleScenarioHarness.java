package dev.cardgate.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.terminal.TerminalRecord;
import dev.cardgate.engine.terminal.TerminalStatus;
import dev.cardgate.engine.token.Luhn;

/**
 * A real engine (token key, Chronicle Map blocklist and terminal registry, rules file) in a
 * folder, with a clock the test moves, and a builder of requests with sensible defaults: what
 * the rule scenarios drive through the embedded API.
 */
public final class RuleScenarioHarness implements AutoCloseable {
    /** 2026-03-10T12:00:00Z: a Tuesday noon, so expiry 2812 is valid and hours rules are predictable. */
    public static final long START = Instant.parse("2026-03-10T12:00:00Z").toEpochMilli();

    private final AtomicLong now = new AtomicLong();
    private final AuthorizationEngine engine;
    private final Path rulesFile;
    private int stan;
    private long transmission;

    public RuleScenarioHarness(final Path folder, final String rules) {
        this(folder, rules, START, 0, 310_120_000L);
    }

    /**
     * A new engine on the folder of {@code before} (closed), as a restart finds it: the same
     * files and journal, the clock where {@code before} left it, STANs and times going on.
     */
    public static RuleScenarioHarness restartAfter(final RuleScenarioHarness before, final Path folder,
        final String rules) {
        return new RuleScenarioHarness(folder, rules, before.now(), before.stan, before.transmission);
    }

    private RuleScenarioHarness(final Path folder, final String rules, final long startMillis, final int lastStan,
        final long lastTransmission) {
        now.set(startMillis);
        stan = lastStan;
        transmission = lastTransmission;
        rulesFile = folder.resolve("rules.conf");
        writeRules(rules);
        engine = AuthorizationEngine.launch(EngineConfiguration.builder()
            .dataDirectory(folder.resolve("data"))
            .ringSize(256)
            .clock(now::get, "test clock")
            .rulesFile(rulesFile)
            .refuseUnknownTerminals(true)
            .lastHeardIntervalMillis(0)
            .blocklistCapacity(1000)
            .terminalCapacity(10_000)
            .maxTrackedCards(10_000)
            .maxTrackedTerminals(1_000)
            .maxTrackedAuthorizations(10_000)
            .build());
    }

    public AuthorizationEngine engine() {
        return engine;
    }

    public long now() {
        return now.get();
    }

    public void advance(final Duration duration) {
        now.addAndGet(duration.toMillis());
    }

    public void writeRules(final String rules) {
        try {
            Files.writeString(rulesFile, rules);
        }
        catch (final IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** A Luhn-valid 16-digit PAN starting with {@code prefix}, unique for {@code serial}. */
    public static String pan(final String prefix, final long serial) {
        final String digits = String.valueOf(serial);
        final String payload = prefix + "0".repeat(15 - prefix.length() - digits.length()) + digits;
        return payload + Luhn.checkDigit(payload);
    }

    /** The same PAN with a wrong check digit. */
    public static String badLuhn(final String pan) {
        final int last = pan.charAt(pan.length() - 1) - '0';
        return pan.substring(0, pan.length() - 1) + (last + 1) % 10;
    }

    /** Registers an active terminal with the defaults, changed by {@code status}, model and version. */
    public String terminal(final String id, final TerminalStatus status, final String group, final int country,
        final String region, final int mcc, final String softwareVersion, final boolean signOnRequired) {
        engine.terminals().set(new TerminalRecord(id, "MERCHANT0000001", mcc, country, region, group, status, "A920",
            softwareVersion, signOnRequired, false, 0));
        return id;
    }

    public String terminal(final String id) {
        return terminal(id, TerminalStatus.ACTIVE, "lane", 276, "EU", 5411, "2.5.0", false);
    }

    /** A request with the defaults (0100, 10.00 EUR, chip, merchant MERCHANT0000001, unique STAN and time). */
    public Request request(final String pan, final String terminalId) {
        return new Request(pan, terminalId);
    }

    /** One request to send; each setter returns this. */
    public final class Request {
        private String pan;
        final AuthorizationRequestData.Builder builder = AuthorizationRequestData.builder();
        final int stanValue;
        final long transmissionValue;

        Request(final String pan, final String terminalId) {
            this.pan = pan;
            stanValue = ++stan;
            transmissionValue = ++transmission;
            builder.messageTypeIndicator(100).processingCode(0).systemTraceAuditNumber(stanValue)
                .transmissionDateTime(transmissionValue).merchantId("MERCHANT0000001")
                .expiryYearMonth(2812).amountMinor(1_000).currencyCode(978).merchantCategoryCode(5411)
                .countryCode(276).posEntryMode(51);
            if (terminalId != null) {
                builder.terminalId(terminalId);
            }
        }

        public Request amount(final long amountMinor) {
            builder.amountMinor(amountMinor);
            return this;
        }

        public Request currency(final int currencyCode) {
            builder.currencyCode(currencyCode);
            return this;
        }

        public Request expiry(final int yearMonth) {
            builder.expiryYearMonth(yearMonth);
            return this;
        }

        public Request merchant(final String merchantId) {
            builder.merchantId(merchantId);
            return this;
        }

        public Request merchantCategory(final int mcc) {
            builder.merchantCategoryCode(mcc);
            return this;
        }

        public Request entryMode(final int posEntryMode) {
            builder.posEntryMode(posEntryMode);
            return this;
        }

        public Request localTime(final int hhmmss) {
            builder.localTransactionTime(hhmmss);
            return this;
        }

        public Request messageType(final int mti) {
            builder.messageTypeIndicator(mti);
            return this;
        }

        public Request networkManagement(final int code) {
            builder.messageTypeIndicator(800).networkManagementCode(code);
            return this;
        }

        /** Turns this into a reversal (0400) of {@code original}, matched by field 90. */
        public Request reversing(final Request original) {
            builder.messageTypeIndicator(400).originalDataElements(100, original.stanValue, original.transmissionValue);
            return this;
        }

        /** Field 3: "020000" (a void) is 20_000, "200000" (a refund) 200_000. */
        public Request processingCode(final int code) {
            builder.processingCode(code);
            return this;
        }

        /** Field 90 naming {@code original}, sent as {@code originalType}: what a void or completion carries. */
        public Request referring(final int originalType, final Request original) {
            builder.originalDataElements(originalType, original.stanValue, original.transmissionValue);
            return this;
        }

        /** Sends the same request again through another harness's engine (after a restart). */
        public Decision repeatThrough(final RuleScenarioHarness restarted) {
            return restarted.engine.authorize(pan, builder.build());
        }

        /** Sends a new request with the same STAN, transmission time, card and fields. */
        public Decision repeat() {
            return engine.authorize(pan, builder.build());
        }

        public Decision send() {
            return engine.authorize(pan, builder.build());
        }

        /** A request of this card without the fields named (built from scratch, defaults otherwise). */
        public Decision sendWithout(final int... fields) {
            final AuthorizationRequestData.Builder partial = AuthorizationRequestData.builder()
                .messageTypeIndicator(100).systemTraceAuditNumber(stanValue).transmissionDateTime(transmissionValue);
            final java.util.Set<Integer> omit = new java.util.HashSet<>();
            for (final int field : fields) {
                omit.add(field);
            }
            final AuthorizationRequestData data = builder.build();
            if (!omit.contains(3)) {
                partial.processingCode(0);
            }
            if (!omit.contains(4)) {
                partial.amountMinor(data.amountMinor());
            }
            if (!omit.contains(14)) {
                partial.expiryYearMonth(2812);
            }
            if (!omit.contains(22)) {
                partial.posEntryMode(51);
            }
            if (!omit.contains(41)) {
                partial.terminalId(data.terminalId());
            }
            if (!omit.contains(42)) {
                partial.merchantId(data.merchantId());
            }
            if (!omit.contains(49)) {
                partial.currencyCode(data.currencyCode());
            }
            return engine.authorize(omit.contains(2) ? "" : pan, partial.build());
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
