package dev.cardgate.engine.frontend;

import org.agrona.concurrent.UnsafeBuffer;

import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.engine.event.AuthorizationEvent;
import dev.cardgate.engine.event.RequestField;
import dev.cardgate.engine.event.TerminalTotals;
import dev.cardgate.engine.token.CardToken;
import dev.cardgate.engine.token.Luhn;
import dev.cardgate.engine.token.PanTokenizer;

/**
 * Copies what the engine decides on from a decoded request into a claimed ring entry, and turns
 * the card number into its token there, so the clear PAN never leaves this thread.
 *
 * <p>The fields copied as they came are those of the one table, {@link RequestField}: numbers
 * read with the codec's own {@link Iso8583Decoder#numeric} (so ASCII, BCD and EBCDIC dialects
 * alike; field 90's parts too), texts copied when of their exact width. A field that is absent is left at the entry's
 * "absent" value (0, spaces) and its bit clear in the bitmap, for the checks to judge; nothing
 * here throws on bad content (the decoder has checked it).
 * The PAN comes from field 2, else from track 2 (field 35) up to its separator; its scratch copy
 * is wiped after tokenizing.
 *
 * <p>It also notes in the entry where each field the answer echoes lies in the frame (the
 * decoder's offsets), so the reply thread writes the answer without decoding the request again.
 *
 * <p>Not thread-safe: one per I/O thread. Allocates nothing.
 */
final class RequestFields {
    private static final int FIELD_2_PAN = 2;
    private static final int FIELD_35_TRACK_2 = 35;
    private static final int FIELD_90_ORIGINAL_DATA_ELEMENTS = 90;
    private static final int FIELD_97_NET_SETTLEMENT = 97;
    /** The fields copied as they came, from the one table of them. */
    private static final RequestField[] FIELDS = RequestField.all();
    /** Longest field copied into the scratch buffer: track 2 (37 characters) with room to spare. */
    private static final int SCRATCH_LENGTH = 64;

    private final PanTokenizer tokenizer;
    private final CardToken token = new CardToken();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[SCRATCH_LENGTH]);

    RequestFields(final PanTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * Fills the request fields of {@code event} from {@code request}, a decoder wrapped over the
     * frame that starts at {@code frameOffset} of its buffer (the frame the entry then copies).
     */
    void fill(final Iso8583Decoder request, final AuthorizationEvent event, final int frameOffset) {
        // the card checks judge required fields by this bitmap (same layout as ISO's primary)
        event.messageTypeIndicator(request.messageType()).presentFields(request.primaryBitmap());
        for (final RequestField field : FIELDS) {
            if (!field.isText()) {
                event.number(field, number(request, field.number()));
            }
            else if (copied(request, field.number(), field.width())) {
                event.text(field, scratch, 0);
            }
        }
        fillOriginalDataElements(request, event);
        if (request.messageType() == 500 || request.messageType() == 501) {
            fillTerminalTotals(request, event);
        }
        fillCard(request, event);
        noteEchoed(request, event, frameOffset, MessageTypes.ECHOED_BEFORE_AUTHORIZATION_ID);
        noteEchoed(request, event, frameOffset, MessageTypes.ECHOED_AFTER_RESPONSE_CODE);
    }

    private static void noteEchoed(final Iso8583Decoder request, final AuthorizationEvent event, final int frameOffset,
        final int[] numbers) {
        for (final int number : numbers) {
            if (request.hasField(number)) {
                event.echoField(number, request.fieldStart(number) - frameOffset, request.fieldWireLength(number));
            }
        }
    }

    /**
     * A settlement's totals (fields 74-89 as counts and amounts, 97 signed by its C/D, 50), with
     * a bit for each one present, for the decision thread to compare without decoding.
     */
    private static void fillTerminalTotals(final Iso8583Decoder request, final AuthorizationEvent event) {
        long present = 0;
        for (int index = 0; index < TerminalTotals.fieldCount(); index++) {
            final int number = TerminalTotals.fieldNumber(index);
            if (request.hasField(number)) {
                present |= 1L << index;
                final long value = number(request, number);
                event.terminalTotal(index, number == FIELD_97_NET_SETTLEMENT && !request.isDebitAmount(number)
                    ? -value : value);
            }
        }
        event.terminalTotal(TerminalTotals.PRESENT, present);
    }

    /** Field 90: original message type (4 digits), STAN (6), transmission date and time (10), ... */
    private static void fillOriginalDataElements(final Iso8583Decoder request, final AuthorizationEvent event) {
        if (request.fieldLength(FIELD_90_ORIGINAL_DATA_ELEMENTS) < 20) {
            return;
        }
        event.originalDataElements((int)request.numeric(FIELD_90_ORIGINAL_DATA_ELEMENTS, 0, 4),
            (int)request.numeric(FIELD_90_ORIGINAL_DATA_ELEMENTS, 4, 6),
            request.numeric(FIELD_90_ORIGINAL_DATA_ELEMENTS, 10, 10));
    }

    private void fillCard(final Iso8583Decoder request, final AuthorizationEvent event) {
        int panLength = -1;
        if (request.hasField(FIELD_2_PAN)) {
            if (request.fieldLength(FIELD_2_PAN) <= SCRATCH_LENGTH) {
                panLength = request.copyValue(FIELD_2_PAN, scratch, 0);
            }
        }
        else if (request.hasField(FIELD_35_TRACK_2) && request.fieldLength(FIELD_35_TRACK_2) <= SCRATCH_LENGTH) {
            final int trackLength = request.copyValue(FIELD_35_TRACK_2, scratch, 0);
            panLength = 0;
            while (panLength < trackLength && scratch.getByte(panLength) != '=') {
                panLength++;
            }
        }
        if (panLength > 0 && tokenizer.tokenize(scratch, 0, panLength, token)) {
            event.cardToken(token).maskedPan(panLength, digitsAt(0, 6), digitsAt(panLength - 4, 4))
                .panLuhnValid(Luhn.isValid(scratch, 0, panLength));
        }
        scratch.setMemory(0, SCRATCH_LENGTH, (byte)0);
    }

    private boolean copied(final Iso8583Decoder request, final int number, final int expectedLength) {
        if (request.fieldLength(number) != expectedLength) {
            return false;
        }
        request.copyValue(number, scratch, 0);
        return true;
    }

    private int digitsAt(final int from, final int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (scratch.getByte(i) - '0');
        }
        return value;
    }

    /**
     * The whole field as the codec reads it ({@link Iso8583Decoder#numeric}, whose digits the
     * decoder has checked; the configuration refused a dialect that does not declare this field
     * numeric: {@code DialectRequirements}); 0, the slot's "absent" (the bitmap says which), when
     * the field is absent.
     */
    static long number(final Iso8583Decoder request, final int number) {
        return request.hasField(number) ? request.numeric(number) : 0;
    }
}
