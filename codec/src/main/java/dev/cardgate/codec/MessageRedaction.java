package dev.cardgate.codec;

import dev.cardgate.codec.dialect.ContentType;
import dev.cardgate.codec.dialect.FieldDefinition;

/**
 * What of a field may appear in a log: card numbers are masked to the first six and last four
 * digits (all hidden when shorter than 12); track data, PIN blocks, MACs, chip data and other
 * binary fields show their length only, since a track's tail holds verification data.
 */
final class MessageRedaction {
    private static final int FIELD_2_PAN = 2;
    private static final int FIELD_34_PAN_EXTENDED = 34;
    private static final int FIELD_35_TRACK_2 = 35;
    private static final int FIELD_36_TRACK_3 = 36;
    private static final int FIELD_45_TRACK_1 = 45;
    private static final int FIELD_52_PIN_DATA = 52;
    private static final int FIELD_55_CHIP_DATA = 55;

    private MessageRedaction() {
    }

    static void appendValue(final Iso8583Decoder decoder, final FieldDefinition field, final int number,
        final StringBuilder out) {
        final int length = decoder.fieldLength(number);
        final boolean track = number == FIELD_35_TRACK_2 || number == FIELD_36_TRACK_3 || number == FIELD_45_TRACK_1;
        if (track || field.content() == ContentType.BINARY || number == FIELD_52_PIN_DATA
            || number == FIELD_55_CHIP_DATA) {
            out.append('<').append(length).append(track ? " characters>" : " bytes>");
            return;
        }
        final boolean cardNumber = number == FIELD_2_PAN || number == FIELD_34_PAN_EXTENDED;
        for (int i = 0; i < length; i++) {
            final boolean hidden = cardNumber && (length < 12 || (i >= 6 && i < length - 4));
            out.append(hidden ? '*' : (char)(decoder.valueAt(number, i) & 0xFF));
        }
    }
}
