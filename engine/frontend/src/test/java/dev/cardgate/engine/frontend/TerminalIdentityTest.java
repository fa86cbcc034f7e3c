package dev.cardgate.engine.frontend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87APackager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.codec.Iso8583Decoder;
import dev.cardgate.codec.dialect.Dialects;

/** The per-request identity check: right answers, and nothing allocated on the I/O thread's request path. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TerminalIdentityTest {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @TempDir
    static Path folder;

    private static TerminalIdentity identity;

    @BeforeAll
    static void certificate() throws Exception {
        final TestCertificates party = TestCertificates.generate(folder, "shop", "clientAuth",
            "uri:" + TerminalIdentity.TERMINAL_URI_PREFIX + "TERM0002,uri:" + TerminalIdentity.TERMINAL_URI_PREFIX
                + "TERM0004,uri:" + TerminalIdentity.MERCHANT_URI_PREFIX + "MERCHANT0000009");
        final Path pem = party.writeCertificatePem(folder.resolve("shop.pem"));
        try (InputStream in = Files.newInputStream(pem)) {
            identity = TerminalIdentity.of((X509Certificate)CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
    }

    @Test
    void permitsTheTerminalsAndMerchantsNamedAndNoOther() throws Exception {
        assertTrue(identity.permits(decoded("TERM0004", "MERCHANT0000001")));
        assertTrue(identity.permits(decoded("TERM0999", "MERCHANT0000009")));
        assertFalse(identity.permits(decoded("TERM0003", "MERCHANT0000001")));
        assertFalse(identity.permits(decoded(null, null)), "a request naming no terminal");
    }

    @Test
    void checkingARequestAllocatesNothing() throws Exception {
        final Iso8583Decoder permitted = decoded("TERM0004", "MERCHANT0000001");
        final Iso8583Decoder refused = decoded("TERM0003", "MERCHANT0000001");
        int permits = 0;
        for (int i = 0; i < 100_000; i++) {
            permits += identity.permits(permitted) ? 1 : 0;
            permits += identity.permits(refused) ? 1 : 0;
        }
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            permits += identity.permits(permitted) ? 1 : 0;
            permits += identity.permits(refused) ? 1 : 0;
        }
        final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(permits == 200_000 && allocated < 1_024, allocated + " bytes for 200,000 checks");
    }

    private static Iso8583Decoder decoded(final String terminalId, final String merchantId) throws Exception {
        final ISOMsg request = JposMessages.authorization(TestFrontEnds.CLEAN_CARD, 1);
        request.unset(41);
        request.unset(42);
        if (terminalId != null) {
            request.set(41, terminalId);
            request.set(42, merchantId);
        }
        request.setPackager(new ISO87APackager());
        final byte[] message = request.pack();
        return new Iso8583Decoder(Dialects.ISO87_ASCII).wrap(new UnsafeBuffer(message), 0, message.length);
    }
}
