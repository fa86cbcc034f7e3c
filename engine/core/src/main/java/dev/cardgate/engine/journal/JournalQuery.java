package dev.cardgate.engine.journal;

import java.nio.charset.StandardCharsets;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * Which records a reader wants: a decision-time range and optional terminal, merchant, card
 * token, response code, rule and batch. Immutable; build with the {@code with...} methods. A card is
 * found by its token (the PAN hashed with the engine's key), never by a stored PAN.
 */
public final class JournalQuery {
    /** Matches every record. */
    public static final JournalQuery ALL = new JournalQuery(Long.MIN_VALUE, Long.MAX_VALUE, null, null, false, 0, 0,
        -1, -1, -1);

    private final long fromMillis;
    private final long toMillis;
    private final byte[] terminalId;
    private final byte[] merchantId;
    private final boolean byCard;
    private final long cardTokenHigh;
    private final long cardTokenLow;
    private final int responseCode;
    private final int ruleId;
    private final int batchNumber;

    private JournalQuery(final long fromMillis, final long toMillis, final byte[] terminalId, final byte[] merchantId,
        final boolean byCard, final long cardTokenHigh, final long cardTokenLow, final int responseCode,
        final int ruleId, final int batchNumber) {
        this.batchNumber = batchNumber;
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
        this.terminalId = terminalId;
        this.merchantId = merchantId;
        this.byCard = byCard;
        this.cardTokenHigh = cardTokenHigh;
        this.cardTokenLow = cardTokenLow;
        this.responseCode = responseCode;
        this.ruleId = ruleId;
    }

    /** Decisions at or after {@code fromMillis} and before {@code toMillis} (epoch milliseconds). */
    public JournalQuery withTimeRange(final long from, final long to) {
        return new JournalQuery(from, to, terminalId, merchantId, byCard, cardTokenHigh, cardTokenLow, responseCode,
            ruleId, batchNumber);
    }

    public JournalQuery withTerminal(final String terminal) {
        return new JournalQuery(fromMillis, toMillis, padded(terminal, AuthorizationEvent.TERMINAL_ID_LENGTH),
            merchantId, byCard, cardTokenHigh, cardTokenLow, responseCode, ruleId, batchNumber);
    }

    public JournalQuery withMerchant(final String merchant) {
        return new JournalQuery(fromMillis, toMillis, terminalId, padded(merchant, AuthorizationEvent.MERCHANT_ID_LENGTH),
            byCard, cardTokenHigh, cardTokenLow, responseCode, ruleId, batchNumber);
    }

    /** The card whose token is {@code high}/{@code low} (tokenize the PAN with the engine's key). */
    public JournalQuery withCardToken(final long high, final long low) {
        return new JournalQuery(fromMillis, toMillis, terminalId, merchantId, true, high, low, responseCode, ruleId,
            batchNumber);
    }

    /** Field 39 as a number (0 for "00"). */
    public JournalQuery withResponseCode(final int code) {
        return new JournalQuery(fromMillis, toMillis, terminalId, merchantId, byCard, cardTokenHigh, cardTokenLow,
            code, ruleId, batchNumber);
    }

    public JournalQuery withRule(final int rule) {
        return new JournalQuery(fromMillis, toMillis, terminalId, merchantId, byCard, cardTokenHigh, cardTokenLow,
            responseCode, rule, batchNumber);
    }

    /** Records counted in batch {@code batch} of their terminal (journal bytes 192-195; combine with a terminal). */
    public JournalQuery withBatch(final int batch) {
        return new JournalQuery(fromMillis, toMillis, terminalId, merchantId, byCard, cardTokenHigh, cardTokenLow,
            responseCode, ruleId, batch);
    }

    /** True when {@code record} (valid) is wanted. No allocation. */
    public boolean matches(final JournalRecord record) {
        final long time = record.decisionTimeEpochMillis();
        if (time < fromMillis || time >= toMillis) {
            return false;
        }
        if (responseCode >= 0 && record.responseCode() != responseCode) {
            return false;
        }
        if (ruleId >= 0 && record.ruleId() != ruleId) {
            return false;
        }
        if (batchNumber >= 0 && record.event().batchNumber() != batchNumber) {
            return false;
        }
        if (byCard && (!record.cardTokenPresent() || record.cardTokenHigh() != cardTokenHigh
            || record.cardTokenLow() != cardTokenLow)) {
            return false;
        }
        if (terminalId != null) {
            for (int i = 0; i < terminalId.length; i++) {
                if (record.terminalIdByte(i) != terminalId[i]) {
                    return false;
                }
            }
        }
        if (merchantId != null) {
            for (int i = 0; i < merchantId.length; i++) {
                if (record.merchantIdByte(i) != merchantId[i]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static byte[] padded(final String text, final int length) {
        if (text.length() > length) {
            throw new IllegalArgumentException("'" + text + "' is longer than " + length + " characters");
        }
        final byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte)' ');
        final byte[] given = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(given, 0, bytes, 0, given.length);
        return bytes;
    }
}
