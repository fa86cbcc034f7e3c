package dev.cardgate.codec;

import dev.cardgate.codec.dialect.ContentType;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Encoding;
import dev.cardgate.codec.dialect.FieldDefinition;
import dev.cardgate.codec.dialect.LengthKind;
import dev.cardgate.codec.dialect.Padding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Custom dialects that together hold every field layout the model allows: each content type
 * with each data encoding, length kind and prefix encoding that {@link FieldDefinition} accepts,
 * and both paddings for packed (BCD) data. "Allowed" is decided by the model itself: every
 * combination is tried and kept when the constructor accepts it, so a layout added to the model
 * is covered without editing this class.
 *
 * <p>Six dialects, one for each message-type encoding (ascii, ebcdic, bcd) with each bitmap
 * (binary, hex). Their 127 field numbers are filled by cycling through the layouts, each dialect
 * starting further along, so every layout sits both below and above field 64 and meets every
 * header. Maximum lengths vary by slot: fixed ones odd and even (the packed pad nibble), LLL ones
 * above 255 (the high byte of a binary prefix).
 */
public final class CoverageDialects {
    /** One field layout, without number or maximum length. */
    public record Layout(ContentType content, LengthKind lengthKind, Encoding data, Encoding prefix, Padding padding) {
        static Layout of(final FieldDefinition field) {
            return new Layout(field.content(), field.lengthKind(), field.dataEncoding(), field.prefixEncoding(),
                field.padding());
        }
    }

    public static final List<Layout> ALL_LAYOUTS = allowedLayouts();
    public static final List<Dialect> ALL = dialects();

    private CoverageDialects() {
    }

    private static List<Layout> allowedLayouts() {
        final List<Layout> layouts = new ArrayList<>();
        final List<Encoding> prefixes = new ArrayList<>();
        prefixes.add(null);
        Collections.addAll(prefixes, Encoding.values());
        for (final ContentType content : ContentType.values()) {
            for (final LengthKind lengthKind : LengthKind.values()) {
                for (final Encoding data : Encoding.values()) {
                    for (final Encoding prefix : prefixes) {
                        final Padding[] paddings = data == Encoding.BCD ? Padding.values() : new Padding[] {null};
                        for (final Padding padding : paddings) {
                            final FieldDefinition candidate =
                                tryDefine(2, content, lengthKind, 9, data, prefix, padding);
                            if (candidate != null) {
                                layouts.add(Layout.of(candidate));
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(layouts);
    }

    private static List<Dialect> dialects() {
        final Encoding[] messageTypes = {Encoding.ASCII, Encoding.EBCDIC, Encoding.BCD};
        final Encoding[] bitmaps = {Encoding.BINARY, Encoding.HEX};
        final List<Dialect> dialects = new ArrayList<>();
        int slot = 0;
        for (final Encoding messageType : messageTypes) {
            for (final Encoding bitmap : bitmaps) {
                final FieldDefinition[] fields = new FieldDefinition[Dialect.MAX_FIELD + 1];
                for (int number = 2; number <= Dialect.MAX_FIELD; number++, slot++) {
                    final Layout layout = ALL_LAYOUTS.get(slot % ALL_LAYOUTS.size());
                    fields[number] = new FieldDefinition(number, layout.content(), layout.lengthKind(),
                        maxLength(layout, slot), layout.data(), layout.prefix(), layout.padding(), "");
                }
                final String name = "coverage-" + messageType.name().toLowerCase() + "-" + bitmap.name().toLowerCase();
                dialects.add(new Dialect(name, messageType, bitmap, fields));
            }
        }
        return List.copyOf(dialects);
    }

    /** Odd and even fixed lengths (2..9); LL up to 99 and LLL up to 300, both sometimes odd. */
    private static int maxLength(final Layout layout, final int slot) {
        switch (layout.lengthKind()) {
            case FIXED:
                return 2 + slot % 8;
            case LLVAR:
                return slot % 2 == 0 ? 99 : 37;
            default:
                return slot % 2 == 0 ? 300 : 257;
        }
    }

    private static FieldDefinition tryDefine(final int number, final ContentType content, final LengthKind lengthKind,
        final int maxLength, final Encoding data, final Encoding prefix, final Padding padding) {
        try {
            return new FieldDefinition(number, content, lengthKind, maxLength, data, prefix, padding, "");
        } catch (final IllegalArgumentException notAllowed) {
            return null;
        }
    }
}
