package dev.cardgate.engine.terminal;

/**
 * The map value: a terminal as the decision thread reads it, all primitives, mutable so that a
 * lookup reads into one reused instance.
 *
 * <p>Persisted layout, {@value #SIZE_BYTES} bytes, numbers little-endian, written and read by
 * {@link StoredTerminalMarshaller}:
 * <pre>
 *   0        1        2        3        4                 8                 12               16
 *   +--------+--------+--------+--------+-----------------+-----------------+----------------+
 *   | layout | status | flags  | version| merchant        | country code    | 0 (reserved)   |
 *   | = 1    | ordinal|        | parts  | category, int32 | int32           |                |
 *   +--------+--------+--------+--------+-----------------+-----------------+----------------+
 *   16: merchant id high (int64, bytes 0-7)     24: merchant id low (int64, bytes 8-14, 0)
 *   32: region (int64, 8 ASCII)                  40: group (int64, 8 ASCII)
 *   48: model (int64, 8 ASCII)                   56: software version (int64, 4 x 16 bits)
 *   64: last heard, epoch milliseconds (int64, 0 = never)
 * </pre>
 * Flags: bit 0 sign-on required, bit 1 signed on. Version parts: how many dotted numbers the
 * software version was given with (1 to 4), so that 2.5.0 is shown as 2.5.0; 0 in files
 * written before it was kept, shown without trailing ".0" parts beyond the second. Text fields
 * are packed by {@link AsciiCodes}.
 * A different layout number means a file written by an incompatible version.
 */
public final class StoredTerminal {
    static final int SIZE_BYTES = 72;
    static final int LAYOUT_VERSION = 1;
    static final int FLAG_SIGN_ON_REQUIRED = 1;
    static final int FLAG_SIGNED_ON = 2;

    int layoutVersion;
    int statusOrdinal;
    int flags;
    int merchantCategoryCode;
    int countryCode;
    long merchantHigh;
    long merchantLow;
    long region;
    long group;
    long model;
    long softwareVersion;
    int softwareVersionParts;
    long lastHeardEpochMillis;

    /** The status, or null when the entry was not written by layout 1 (a damaged file). */
    public TerminalStatus statusOrNull() {
        return layoutVersion == LAYOUT_VERSION ? TerminalStatus.fromOrdinal(statusOrdinal) : null;
    }

    public int merchantCategoryCode() {
        return merchantCategoryCode;
    }

    public int countryCode() {
        return countryCode;
    }

    /** True when field 42 packed as {@code high, low} is this terminal's merchant. */
    public boolean merchantIs(final long high, final long low) {
        return merchantHigh == high && merchantLow == low;
    }

    /** The region name packed by {@link AsciiCodes#pack}. */
    public long region() {
        return region;
    }

    /** The group name packed by {@link AsciiCodes#pack}. */
    public long group() {
        return group;
    }

    /** The model packed by {@link AsciiCodes#pack}. */
    public long model() {
        return model;
    }

    /** The software version packed by {@link AsciiCodes#packVersion}. */
    public long softwareVersion() {
        return softwareVersion;
    }

    public boolean signOnRequired() {
        return (flags & FLAG_SIGN_ON_REQUIRED) != 0;
    }

    public boolean signedOn() {
        return (flags & FLAG_SIGNED_ON) != 0;
    }

    public long lastHeardEpochMillis() {
        return lastHeardEpochMillis;
    }

    StoredTerminal set(final TerminalRecord terminal) {
        layoutVersion = LAYOUT_VERSION;
        statusOrdinal = terminal.status().ordinal();
        flags = (terminal.signOnRequired() ? FLAG_SIGN_ON_REQUIRED : 0) | (terminal.signedOn() ? FLAG_SIGNED_ON : 0);
        merchantCategoryCode = terminal.merchantCategoryCode();
        countryCode = terminal.countryCode();
        merchantHigh = AsciiCodes.merchantHigh(terminal.merchantId());
        merchantLow = AsciiCodes.merchantLow(terminal.merchantId());
        region = AsciiCodes.pack(terminal.region());
        group = AsciiCodes.pack(terminal.group());
        model = AsciiCodes.pack(terminal.model());
        softwareVersion = AsciiCodes.packVersion(terminal.softwareVersion());
        softwareVersionParts = AsciiCodes.versionParts(terminal.softwareVersion());
        lastHeardEpochMillis = terminal.lastHeardEpochMillis();
        return this;
    }

    void setSignedOn(final boolean signedOn) {
        flags = signedOn ? flags | FLAG_SIGNED_ON : flags & ~FLAG_SIGNED_ON;
    }

    String describeCorruption() {
        return "layout " + layoutVersion + " (expected " + LAYOUT_VERSION + "), status ordinal " + statusOrdinal;
    }

    /** The operator's form; allocates. Only for entries whose {@link #statusOrNull()} is not null. */
    TerminalRecord toRecord(final long terminalKey) {
        return new TerminalRecord(AsciiCodes.unpack(terminalKey), AsciiCodes.merchantText(merchantHigh, merchantLow),
            merchantCategoryCode, countryCode, AsciiCodes.unpack(region), AsciiCodes.unpack(group), statusOrNull(),
            AsciiCodes.unpack(model), AsciiCodes.versionText(softwareVersion, softwareVersionParts), signOnRequired(),
            signedOn(), lastHeardEpochMillis);
    }
}
