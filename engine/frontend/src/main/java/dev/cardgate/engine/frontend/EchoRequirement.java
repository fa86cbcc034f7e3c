package dev.cardgate.engine.frontend;

import dev.cardgate.codec.Iso8583Decoder;

/**
 * The fields an echo (0800, field 70 = 301) must carry, as {@code frontend.echo.required-fields}
 * lists them: a terminal's echo carries 41, a host-to-host link's often only 7, 11 and 70.
 * Immutable; allocates nothing per message.
 */
final class EchoRequirement {
    private final int[] requiredFields;

    EchoRequirement(final int[] requiredFields) {
        this.requiredFields = requiredFields.clone();
    }

    /** The first required field {@code echo} lacks, or 0 when it carries them all. */
    int missingField(final Iso8583Decoder echo) {
        for (final int field : requiredFields) {
            if (!echo.hasField(field)) {
                return field;
            }
        }
        return 0;
    }
}
