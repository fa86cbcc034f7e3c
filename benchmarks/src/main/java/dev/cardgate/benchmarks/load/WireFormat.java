package dev.cardgate.benchmarks.load;

import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.FrameFormat;
import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.codec.framing.Tpdu;
import dev.cardgate.engine.config.FrontEndConfiguration;

/**
 * What the server speaks: its dialect and framing, named as in cardgate's configuration
 * ({@code frontend.dialect}, {@code frontend.length-header}, {@code frontend.tpdu}).
 */
public record WireFormat(String dialectName, String lengthHeaderName, boolean tpdu) {
    /** The largest frame the generator reads: the front-end's default bound. */
    static final int MAX_FRAME_BYTES = 4096;

    /** The front-end's shipped defaults: iso87-ascii, ascii-4, no TPDU. */
    public static final WireFormat DEFAULT = new WireFormat(Dialects.ISO87_ASCII_NAME, "ascii-4", false);

    public WireFormat {
        Dialects.builtIn(dialectName);
        if (FrontEndConfiguration.lengthHeaderFromConfigName(lengthHeaderName) == null) {
            throw new IllegalArgumentException("length header " + lengthHeaderName + " is not ascii-4 or binary-2");
        }
    }

    public Dialect dialect() {
        return Dialects.builtIn(dialectName);
    }

    public LengthHeader lengthHeader() {
        return FrontEndConfiguration.lengthHeaderFromConfigName(lengthHeaderName);
    }

    public FrameFormat frameFormat() {
        return new FrameFormat(lengthHeader(), tpdu ? Tpdu.LENGTH : 0, MAX_FRAME_BYTES);
    }

    /** "iso87-ascii/ascii-4" or "iso87-binary/binary-2+tpdu", for file names and tables. */
    public String label() {
        return dialectName + "/" + lengthHeaderName + (tpdu ? "+tpdu" : "");
    }
}
