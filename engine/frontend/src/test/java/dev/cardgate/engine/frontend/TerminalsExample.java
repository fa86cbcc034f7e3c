package dev.cardgate.engine.frontend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.NACChannel;
import org.jpos.iso.packager.ISO87BPackager;

import dev.cardgate.codec.framing.LengthHeader;
import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.config.EngineConfigurationLoader;

/** The example of docs/terminals.md, run by {@link TerminalsExampleTest}. */
final class TerminalsExample {
    private TerminalsExample() {
    }

    // tag::example[]
    static List<String> run(final Path configFile, final Path dataDirectory) throws Exception {
        final List<String> printed = new ArrayList<>();
        // The host: what `cardgate serve` runs, here with a binary dialect, 2-byte lengths and a TPDU.
        final EngineConfiguration configuration = EngineConfigurationLoader
            .loadBuilder(configFile, java.util.Map.of())
            .baseDirectory(configFile.getParent().getParent()) // the cardgate home: rules.file = config/rules.conf
            .dataDirectory(dataDirectory)
            .frontEnd(frontEnd -> frontEnd
                .port(0)                                   // any free port; the default is 8583
                .dialect("iso87-binary")                   // jPOS ISO87BPackager
                .lengthHeader(LengthHeader.BINARY_2)       // jPOS NACChannel
                .tpdu(true))
            .build();
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration);
            FrontEnd frontEnd = FrontEnd.start(engine)) {

            // The terminal: a jPOS NACChannel with its TPDU (id 60, destination 0001, source 0203).
            final NACChannel terminal = new NACChannel("127.0.0.1", frontEnd.localAddress().getPort(),
                new ISO87BPackager(), new byte[] {0x60, 0x00, 0x01, 0x02, 0x03});
            terminal.setTimeout(10_000);
            terminal.connect();

            final ISOMsg signOn = new ISOMsg("0800");
            signOn.set(7, "1125143000");
            signOn.set(11, "000001");
            signOn.set(41, "TERM0001");                    // which terminal signs on
            signOn.set(70, "001");                         // 001 sign-on, 002 sign-off, 301 echo
            terminal.send(signOn);
            final ISOMsg signedOn = terminal.receive();
            printed.add(signedOn.getMTI() + " 39=" + signedOn.getString(39));

            final ISOMsg authorization = new ISOMsg("0100");
            authorization.set(2, "4242424242424242");
            authorization.set(3, "000000");
            authorization.set(4, "000000002500");          // 25.00
            authorization.set(7, "1125143005");
            authorization.set(11, "000002");
            authorization.set(14, "2812");
            authorization.set(22, "051");
            authorization.set(41, "TERM0001");
            authorization.set(42, "MERCHANT0000001");
            authorization.set(49, "978");
            terminal.send(authorization);
            final ISOMsg answer = terminal.receive();
            printed.add(answer.getMTI() + " 11=" + answer.getString(11) + " 39=" + answer.getString(39)
                + " 38=" + answer.getString(38) + " TPDU=" + org.jpos.iso.ISOUtil.hexString(answer.getHeader()));
            terminal.disconnect();
        }
        return printed;
    }
    // end::example[]
}
