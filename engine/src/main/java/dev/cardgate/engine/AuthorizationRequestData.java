package dev.cardgate.engine;

import dev.cardgate.engine.event.AuthorizationEvent;

/**
 * An authorization request for the convenience API ({@link AuthorizationEngine#authorize}),
 * without its PAN: the PAN is passed beside it, tokenized on the caller's thread and never
 * kept, so this object can be logged or retained freely. Immutable; validated when built.
 */
public final class AuthorizationRequestData {
    private final int messageTypeIndicator;
    private final int processingCode;
    private final int systemTraceAuditNumber;
    private final long transmissionDateTime;
    private final int localTransactionTime;
    private final int localTransactionDate;
    private final String terminalId;
    private final String merchantId;
    private final int expiryYearMonth;
    private final long amountMinor;
    private final int currencyCode;
    private final int merchantCategoryCode;
    private final int countryCode;
    private final int posEntryMode;
    private final long presentFields;
    private final int networkManagementCode;
    private final int originalMessageType;
    private final int originalSystemTraceAuditNumber;
    private final long originalTransmissionDateTime;

    private AuthorizationRequestData(final Builder builder) {
        messageTypeIndicator = builder.messageTypeIndicator;
        processingCode = builder.processingCode;
        systemTraceAuditNumber = builder.systemTraceAuditNumber;
        transmissionDateTime = builder.transmissionDateTime;
        localTransactionTime = builder.localTransactionTime;
        localTransactionDate = builder.localTransactionDate;
        terminalId = builder.terminalId;
        merchantId = builder.merchantId;
        expiryYearMonth = builder.expiryYearMonth;
        amountMinor = builder.amountMinor;
        currencyCode = builder.currencyCode;
        merchantCategoryCode = builder.merchantCategoryCode;
        countryCode = builder.countryCode;
        posEntryMode = builder.posEntryMode;
        presentFields = builder.presentFields;
        networkManagementCode = builder.networkManagementCode;
        originalMessageType = builder.originalMessageType;
        originalSystemTraceAuditNumber = builder.originalSystemTraceAuditNumber;
        originalTransmissionDateTime = builder.originalTransmissionDateTime;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int systemTraceAuditNumber() {
        return systemTraceAuditNumber;
    }

    public String terminalId() {
        return terminalId;
    }

    public String merchantId() {
        return merchantId;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public int currencyCode() {
        return currencyCode;
    }

    /** Copies every field into a claimed ring entry; cannot fail, the builder validated them. */
    void copyInto(final AuthorizationEvent event) {
        event.messageTypeIndicator(messageTypeIndicator)
            .processingCode(processingCode)
            .systemTraceAuditNumber(systemTraceAuditNumber)
            .transmissionDateTime(transmissionDateTime)
            .localTransactionTime(localTransactionTime)
            .localTransactionDate(localTransactionDate)
            .terminalId(terminalId)
            .merchantId(merchantId)
            .expiryYearMonth(expiryYearMonth)
            .amountMinor(amountMinor)
            .currencyCode(currencyCode)
            .merchantCategoryCode(merchantCategoryCode)
            .countryCode(countryCode)
            .posEntryMode(posEntryMode)
            .presentFields(presentFields)
            .networkManagementCode(networkManagementCode)
            .originalMessageType(originalMessageType)
            .originalSystemTraceAuditNumber(originalSystemTraceAuditNumber)
            .originalTransmissionDateTime(originalTransmissionDateTime);
    }

    @Override
    public String toString() {
        return "AuthorizationRequestData{mti=" + messageTypeIndicator + ", stan=" + systemTraceAuditNumber
            + ", terminalId='" + terminalId + "', merchantId='" + merchantId + "', amountMinor=" + amountMinor
            + ", currencyCode=" + currencyCode + ", mcc=" + merchantCategoryCode + ", expiry=" + expiryYearMonth + '}';
    }

    /**
     * Collects the fields; {@link #build()} checks the text fields fit their ISO 8583 sizes. Each
     * setter called marks its field present (the card checks decline a request that lacks a field
     * its message type requires with 30); the PAN (field 2) is marked when it is not empty.
     */
    public static final class Builder {
        private int messageTypeIndicator = 100;
        private int processingCode;
        private int systemTraceAuditNumber;
        private long transmissionDateTime;
        private int localTransactionTime;
        private int localTransactionDate;
        private String terminalId = "";
        private String merchantId = "";
        private int expiryYearMonth;
        private long amountMinor;
        private int currencyCode;
        private int merchantCategoryCode;
        private int countryCode;
        private int posEntryMode;
        private long presentFields;
        private int networkManagementCode;
        private int originalMessageType;
        private int originalSystemTraceAuditNumber;
        private long originalTransmissionDateTime;

        private Builder() {
        }

        private Builder present(final int field) {
            presentFields |= AuthorizationEvent.fieldBit(field);
            return this;
        }

        /** Field 70, network management code (1 sign-on, 2 sign-off, 301 echo) of an 0800. */
        public Builder networkManagementCode(final int value) {
            networkManagementCode = value;
            return this;
        }

        /** Field 90 of a reversal: the original's message type, STAN and transmission date and time. */
        public Builder originalDataElements(final int messageType, final int stan, final long transmission) {
            originalMessageType = messageType;
            originalSystemTraceAuditNumber = stan;
            originalTransmissionDateTime = transmission;
            return this;
        }

        /** Message type indicator as a number; 100 ("0100", authorization request) by default. */
        public Builder messageTypeIndicator(final int value) {
            messageTypeIndicator = value;
            return this;
        }

        /** Field 3, six digits as a number. */
        public Builder processingCode(final int value) {
            processingCode = value;
            return present(3);
        }

        /** Field 11, the STAN. */
        public Builder systemTraceAuditNumber(final int value) {
            systemTraceAuditNumber = value;
            return present(11);
        }

        /** Field 7, MMDDhhmmss as a number. */
        public Builder transmissionDateTime(final long value) {
            transmissionDateTime = value;
            return present(7);
        }

        /** Field 12, hhmmss as a number. */
        public Builder localTransactionTime(final int value) {
            localTransactionTime = value;
            return present(12);
        }

        /** Field 13, MMDD as a number. */
        public Builder localTransactionDate(final int value) {
            localTransactionDate = value;
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

        /** Field 14, YYMM as a number. */
        public Builder expiryYearMonth(final int value) {
            expiryYearMonth = value;
            return present(14);
        }

        /** Field 4, in minor units of the currency. */
        public Builder amountMinor(final long value) {
            amountMinor = value;
            return present(4);
        }

        /** Field 49, ISO 4217 numeric. */
        public Builder currencyCode(final int value) {
            currencyCode = value;
            return present(49);
        }

        /** Field 18, ISO 18245 merchant category code. */
        public Builder merchantCategoryCode(final int value) {
            merchantCategoryCode = value;
            return present(18);
        }

        /** Field 19, ISO 3166 numeric. */
        public Builder countryCode(final int value) {
            countryCode = value;
            return present(19);
        }

        /** Field 22 as a number. */
        public Builder posEntryMode(final int value) {
            posEntryMode = value;
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
