package dev.cardgate.benchmarks.baseline;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.jpos.core.ConfigurationException;
import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.ISOServer;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.channel.NACChannel;
import org.jpos.iso.channel.PostChannel;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.iso.packager.ISO87BPackager;
import org.jpos.util.ThreadPool;

/**
 * A jPOS {@link ISOServer} with a {@link BaselineAuthorizationListener}: what a typical jPOS
 * user deploys as an authorization host. Same dialects and framings as cardgate's front-end.
 */
public final class JposBaselineServer implements AutoCloseable {
    /** The framings cardgate's front-end speaks, by the jPOS channel that speaks each. */
    public enum Framing {
        /** 4 ASCII digits: jPOS ASCIIChannel. */
        ASCII_4,
        /** 2-byte binary length and a 5-byte TPDU: jPOS NACChannel. */
        BINARY_2_TPDU,
        /** 2-byte binary length, no header: jPOS PostChannel. */
        BINARY_2
    }

    private static final byte[] TPDU = {0x60, 0x00, 0x01, 0x00, 0x00};

    private final ISOServer server;
    private final Thread thread;

    private JposBaselineServer(final ISOServer server) {
        this.server = server;
        this.thread = new Thread(server, "jpos-baseline-server");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Starts the server on {@code port} of every interface jPOS binds (it offers no loopback-only
     * option), with up to {@code maxThreads} threads, one per connection, as jPOS serves them.
     */
    // jPOS 2.1.10's only ISOServer constructor still takes its deprecated ThreadPool
    @SuppressWarnings("deprecation")
    public static JposBaselineServer start(final int port, final Framing framing, final boolean binaryDialect,
        final Set<String> blockedPanHashes, final Clock clock, final int maxThreads) throws IOException {
        final ISOPackager packager = binaryDialect ? new ISO87BPackager() : new ISO87APackager();
        final BaseChannel channel;
        switch (framing) {
            case ASCII_4:
                channel = new ASCIIChannel(packager);
                break;
            case BINARY_2_TPDU:
                channel = new NACChannel(packager, TPDU);
                break;
            default:
                channel = new PostChannel(packager);
                break;
        }
        final ISOServer server = new ISOServer(port, channel, new ThreadPool(1, maxThreads, "jpos-baseline"));
        try {
            // as a Q2 deployment would: ISOServer's shutdown reads its configuration
            server.setConfiguration(new SimpleConfiguration());
        } catch (final ConfigurationException ex) {
            throw new IllegalStateException("jPOS refused an empty configuration", ex);
        }
        server.addISORequestListener(new BaselineAuthorizationListener(blockedPanHashes, clock));
        return new JposBaselineServer(server);
    }

    public int activeConnections() {
        return server.getActiveConnections();
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            thread.join(5_000);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
