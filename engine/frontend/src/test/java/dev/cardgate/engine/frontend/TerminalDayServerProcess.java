package dev.cardgate.engine.frontend;

import java.nio.file.Path;

import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.engine.AuthorizationEngine;

/**
 * The child of {@link TerminalDayRestartTest}: an engine and an ASCII front-end on the folder
 * given, printing its port and then serving until it is killed.
 */
public final class TerminalDayServerProcess {
    private TerminalDayServerProcess() {
    }

    public static void main(final String[] arguments) throws Exception {
        final AuthorizationEngine engine = TestFrontEnds.launchEngine(Path.of(arguments[0]));
        final FrontEnd frontEnd = FrontEnd.start(engine, TestFrontEnds.frontEnd(Dialects.ISO87_ASCII_NAME,
            LengthHeader.ASCII_4, false));
        System.out.println(frontEnd.localAddress().getPort());
        System.out.flush();
        // serves until killed: reading standard input blocks until the parent closes it or kills us
        while (System.in.read() >= 0) {
            Thread.onSpinWait();
        }
    }
}
