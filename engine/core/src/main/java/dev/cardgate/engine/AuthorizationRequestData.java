package dev.cardgate.engine;

import com.lmax.disruptor.EventTranslatorOneArg;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * An authorization request for the convenience API ({@link AuthorizationEngine#authorize}),
 * without its PAN: the PAN is passed beside it, tokenized on the caller's thread and never
 * kept, so this object can be logged or retained freely. Immutable; validated when built.
 *
 * <p>It holds its fields in a ring slot of its own ({@link AuthorizationEvent}, the one shape of
 * a request), which the builder writes through the slot's own setters; the engine copies that
 * slot's request into a claimed one with {@link #TRANSLATOR} (one copy), so no field is mapped
 * here a second time.
 */
public final class AuthorizationRequestData {
    /** Writes a request into a claimed, cleared ring slot: one copy of its request bytes. Captures nothing. */
    static final EventTranslatorOneArg<AuthorizationEvent, AuthorizationRequestData> TRANSLATOR =
        (event, sequence, request) -> event.copyRequestFrom(request.slot);

    private final AuthorizationEvent slot;
    private final String terminalId;
    private final String merchantId;

    private AuthorizationRequestData(final Builder builder) {
        slot = new AuthorizationEvent();
        slot.copyRequestFrom(builder.slot);
        slot.terminalId(builder.terminalId).merchantId(builder.merchantId);
        terminalId = builder.terminalId;
        merchantId = builder.merchantId;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int systemTraceAuditNumber() {
        return slot.systemTraceAuditNumber();
    }

    public String terminalId() {
        return terminalId;
    }

    public String merchantId() {
        return merchantId;
    }

    public long amountMinor() {
        return slot.amountMinor();
    }

    public int currencyCode() {
        return slot.currencyCode();
    }

    @Override
    public String toString() {
        return "AuthorizationRequestData{mti=" + slot.messageTypeIndicator() + ", stan=" + slot.systemTraceAuditNumber()
            + ", terminalId='" + terminalId + "', merchantId='" + merchantId + "', amountMinor=" + slot.amountMinor()
            + ", currencyCode=" + slot.currencyCode() + ", mcc=" + slot.merchantCategoryCode() + ", expiry="
            + slot.expiryYearMonth() + '}';
    }

    /**
     * Collects the fields; {@link #build()} checks the text fields fit their ISO 8583 sizes. Each
     * setter called marks its field present (the card checks decline a request that lacks a field
     * its message type requires with 30); the PAN (field 2) is marked when it is not empty.
     */
    public static final class Builder {
        // the request's fields in the slot layout; text fields are checked by build()
        private final AuthorizationEvent slot = new AuthorizationEvent().messageTypeIndicator(100);
        private String terminalId = "";
        private String merchantId = "";

        private Builder() {
        }

        private Builder present(final int field) {
            slot.fieldPresent(field);
            return this;
        }

        /** Field 70, network management code (1 sign-on, 2 sign-off, 301 echo) of an 0800. */
        public Builder networkManagementCode(final int value) {
            slot.networkManagementCode(value);
            return this;
        }

        /** Field 90 of a reversal: the original's message type, STAN and transmission date and time. */
        public Builder originalDataElements(final int messageType, final int stan, final long transmission) {
            slot.originalDataElements(messageType, stan, transmission);
            return this;
        }

        /** Message type indicator as a number; 100 ("0100", authorization request) by default. */
        public Builder messageTypeIndicator(final int value) {
            slot.messageTypeIndicator(value);
            return this;
        }

        /** Field 3, six digits as a number. */
        public Builder processingCode(final int value) {
            slot.processingCode(value);
            return present(3);
        }

        /** Field 11, the STAN. */
        public Builder systemTraceAuditNumber(final int value) {
            slot.systemTraceAuditNumber(value);
            return present(11);
        }

        /** Field 7, MMDDhhmmss as a number. */
        public Builder transmissionDateTime(final long value) {
            slot.transmissionDateTime(value);
            return present(7);
        }

        /** Field 12, hhmmss as a number. */
        public Builder localTransactionTime(final int value) {
            slot.localTransactionTime(value);
            return present(12);
        }

        /** Field 13, MMDD as a number. */
        public Builder localTransactionDate(final int value) {
            slot.localTransactionDate(value);
            return present(13);
        }

        /** Field 41, at most 8 printable ASCII characters. */
        public Builder terminalId(final String value) {
            terminalId = value;
            return present(41);
        }

        /** Field 42, at most 15 printable ASCII characters. */
        public Builder merchantId(final String value) {
            merchantId = value;
            return present(42);
        }

        /** Field 37, the retrieval reference number: at most 12 printable ASCII characters. */
        public Builder retrievalReferenceNumber(final String value) {
            slot.retrievalReferenceNumber(value);
            return present(37);
        }

        /** Field 14, YYMM as a number. */
        public Builder expiryYearMonth(final int value) {
            slot.expiryYearMonth(value);
            return present(14);
        }

        /** Field 4, in minor units of the currency. */
        public Builder amountMinor(final long value) {
            slot.amountMinor(value);
            return present(4);
        }

        /** Field 49, ISO 4217 numeric. */
        public Builder currencyCode(final int value) {
            slot.currencyCode(value);
            return present(49);
        }

        /** Field 18, ISO 18245 merchant category code. */
        public Builder merchantCategoryCode(final int value) {
            slot.merchantCategoryCode(value);
            return present(18);
        }

        /** Field 19, ISO 3166 numeric. */
        public Builder countryCode(final int value) {
            slot.countryCode(value);
            return present(19);
        }

        /** Field 22 as a number. */
        public Builder posEntryMode(final int value) {
            slot.posEntryMode(value);
            return present(22);
        }

        /**
         * @throws IllegalArgumentException naming the field when a text field is too long or not
         *                                  printable ASCII
         */
        public AuthorizationRequestData build() {
            checkAscii("terminal id (field 41)", terminalId, AuthorizationEvent.TERMINAL_ID_LENGTH);
            checkAscii("merchant id (field 42)", merchantId, AuthorizationEvent.MERCHANT_ID_LENGTH);
            return new AuthorizationRequestData(this);
        }

        private static void checkAscii(final String what, final String value, final int maxLength) {
            if (value == null) {
                throw new IllegalArgumentException(what + " is missing");
            }
            if (value.length() > maxLength) {
                throw new IllegalArgumentException(
                    what + " '" + value + "' is " + value.length() + " characters, at most " + maxLength + " allowed");
            }
            for (int i = 0; i < value.length(); i++) {
                final char c = value.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    throw new IllegalArgumentException(what + " has a character that is not printable ASCII at index " + i);
                }
            }
        }
    }
}
