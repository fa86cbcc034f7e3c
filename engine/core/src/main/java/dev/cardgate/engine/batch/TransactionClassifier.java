package dev.cardgate.engine.batch;

import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.TransactionKind;

/**
 * What a message is to the terminal's day, from its message type, the transaction type of its
 * processing code (field 3, first two digits) and field 90, as jPOS-style hosts use them:
 * 0100 a pre-authorization; 0200 a sale (00), a void (02) or a refund (20); 0220 an offline sale,
 * or the completion of the 0100 its field 90 names (0200 instead where so configured); 0120 an
 * offline authorization; 0320 a batch upload; 0500 a settlement; 04xx a reversal; 08xx network
 * management. Repeats (0101, 0221, ...) are their originals. Stateless, allocation-free.
 */
final class TransactionClassifier {
    /** Field 3's transaction type of a void: "02xxxx". */
    static final int VOID_TYPE = 2;
    /** Field 3's transaction type of a refund: "20xxxx". */
    static final int REFUND_TYPE = 20;

    private final int completionMessageType;

    /** @param completionMessageType 220 or 200: the type whose field 90 naming a 0100 completes it */
    TransactionClassifier(final int completionMessageType) {
        this.completionMessageType = completionMessageType;
    }

    /** True when completions are 0200 requests (authorized again), false for 0220 advices. */
    boolean completionIsRequest() {
        return completionMessageType == 200;
    }

    /** The first two digits of field 3. */
    static int transactionType(final AuthorizationEvent event) {
        return event.processingCode() / 10_000;
    }

    TransactionKind classify(final AuthorizationEvent event) {
        final int type = event.messageTypeIndicator();
        final int withoutRepeat = type - type % 2;
        switch (withoutRepeat / 100 % 10) {
            case 8:
                return TransactionKind.NETWORK_MANAGEMENT;
            case 4:
                return TransactionKind.REVERSAL;
            case 5:
                return withoutRepeat % 100 == 0 ? TransactionKind.SETTLEMENT : TransactionKind.UNCLASSIFIED;
            case 3:
                return withoutRepeat % 100 == 20 ? TransactionKind.BATCH_UPLOAD : TransactionKind.UNCLASSIFIED;
            case 1:
                return withoutRepeat % 100 == 0 ? TransactionKind.PREAUTHORIZATION
                    : withoutRepeat % 100 == 20 ? TransactionKind.AUTHORIZATION_ADVICE : TransactionKind.UNCLASSIFIED;
            case 2:
                return financial(event, withoutRepeat % 1000);
            default:
                return TransactionKind.UNCLASSIFIED;
        }
    }

    private TransactionKind financial(final AuthorizationEvent event, final int type) {
        final int original = event.originalMessageType();
        if (type == completionMessageType && (original == 100 || original == 101 || original == 120)) {
            return TransactionKind.COMPLETION;
        }
        if (type == 220) {
            return TransactionKind.OFFLINE_SALE_ADVICE;
        }
        if (type != 200) {
            return TransactionKind.UNCLASSIFIED;
        }
        final int transactionType = transactionType(event);
        return transactionType == VOID_TYPE ? TransactionKind.VOID
            : transactionType == REFUND_TYPE ? TransactionKind.REFUND : TransactionKind.SALE;
    }
}
