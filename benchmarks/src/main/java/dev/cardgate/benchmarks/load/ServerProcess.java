package dev.cardgate.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server under load in its own JVM, started from this JVM's class path (the benchmarks jar)
 * with {@code config/jvm.options}, so that server and generator share no heap, JIT or GC. Its
 * output goes to {@code <name>.log} beside the results; it is ready when its port accepts.
 */
final class ServerProcess implements AutoCloseable {
    private static final long START_TIMEOUT_MILLIS = 120_000;
    private static final long STOP_TIMEOUT_SECONDS = 20;

    private final String name;
    private final InetSocketAddress address;
    private final Process process;

    private ServerProcess(final String name, final InetSocketAddress address, final Process process) {
        this.name = name;
        this.address = address;
        this.process = process;
    }

    /**
     * Starts {@code mainClass} with {@code arguments}, the environment {@code environment} added,
     * and waits until it listens on {@code port} of the loopback interface.
     */
    static ServerProcess start(final String name, final Path home, final Path logFolder, final int port,
        final String mainClass, final List<String> arguments, final Map<String, String> environment)
        throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "@" + home.resolve("config").resolve("jvm.options"),
            "-Xms1g", "-Xmx1g", "-Dcardgate.home=" + home.toAbsolutePath(),
            "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(logFolder.resolve(name + ".log").toFile());
        builder.environment().putAll(environment);
        final ServerProcess server = new ServerProcess(name, new InetSocketAddress("127.0.0.1", port), builder.start());
        server.awaitListening();
        return server;
    }

    /** A port nobody listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String name() {
        return name;
    }

    InetSocketAddress address() {
        return address;
    }

    private void awaitListening() throws IOException, InterruptedException {
        final long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (true) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " before listening; see its log");
            }
            try {
                new Socket(address.getAddress(), address.getPort()).close();
                return;
            }
            catch (final IOException notYet) {
                if (System.currentTimeMillis() > deadline) {
                    close();
                    throw new IOException(name + " did not listen on " + address + " within "
                        + START_TIMEOUT_MILLIS / 1000 + " s", notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops the server as an operator would (SIGTERM), forcibly if it does not stop in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (final InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
