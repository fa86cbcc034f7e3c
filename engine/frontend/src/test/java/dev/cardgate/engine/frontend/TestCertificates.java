package dev.cardgate.engine.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates made at test time with the JDK's own keytool (a child process): no key or
 * certificate is kept in the repository, and no library is added for it. Each party gets a
 * self-signed EC certificate for localhost and 127.0.0.1, exported as the PEM files the
 * front-end reads, and kept in a PKCS12 store for the test's JSSE client.
 */
final class TestCertificates {
    private static final char[] STORE_PASSWORD = "test-only".toCharArray();

    private final Path store;

    private TestCertificates(final Path store) {
        this.store = store;
    }

    /** Generates a key pair and certificate named {@code alias} (its subject CN) in {@code folder}. */
    static TestCertificates generate(final Path folder, final String alias) throws IOException, InterruptedException {
        return generate(folder, alias, "", "");
    }

    /**
     * As {@link #generate(Path, String)}, with keytool's extended key usage ({@code "clientAuth"},
     * {@code "serverAuth,clientAuth"}; empty for none) and extra subject alternative names
     * ({@code "uri:urn:..."}; empty for none).
     */
    static TestCertificates generate(final Path folder, final String alias, final String extendedKeyUsage,
        final String alternativeNames) throws IOException, InterruptedException {
        final Path store = folder.resolve(alias + ".p12");
        final String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        final List<String> command = new ArrayList<>(List.of(keytool, "-genkeypair", "-alias", alias, "-keyalg", "EC",
            "-groupname", "secp256r1", "-dname", "CN=" + alias,
            "-ext", "SAN=dns:localhost,ip:127.0.0.1" + (alternativeNames.isEmpty() ? "" : "," + alternativeNames),
            "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
            "-storepass", new String(STORE_PASSWORD)));
        if (!extendedKeyUsage.isEmpty()) {
            command.add("-ext");
            command.add("EKU=" + extendedKeyUsage);
        }
        final Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve(alias + ".keytool.log").toFile())
            .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + Files.readString(folder.resolve(alias + ".keytool.log")));
        }
        return new TestCertificates(store);
    }

    /** Writes the certificate as PEM to {@code file}. */
    Path writeCertificatePem(final Path file) throws IOException, GeneralSecurityException {
        return writeCertificatesPem(file, this);
    }

    /** Writes the certificates of {@code parties} as one PEM file (a trusted-certificates file). */
    static Path writeCertificatesPem(final Path file, final TestCertificates... parties)
        throws IOException, GeneralSecurityException {
        final StringBuilder text = new StringBuilder();
        for (final TestCertificates party : parties) {
            final KeyStore keyStore = party.keyStore();
            text.append(pem("CERTIFICATE", keyStore.getCertificate(keyStore.aliases().nextElement()).getEncoded()));
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }

    /** Writes the private key as unencrypted PKCS#8 PEM to {@code file}, owner-only (rw-------). */
    Path writePrivateKeyPem(final Path file) throws IOException, GeneralSecurityException {
        final KeyStore keyStore = keyStore();
        final String alias = keyStore.aliases().nextElement();
        Files.writeString(file, pem("PRIVATE KEY", keyStore.getKey(alias, STORE_PASSWORD).getEncoded()),
            StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /**
     * A client TLS context that trusts {@code server}'s certificate and presents this party's
     * certificate when {@code presentCertificate}.
     */
    SSLContext clientContext(final TestCertificates server, final boolean presentCertificate)
        throws IOException, GeneralSecurityException {
        final KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        final KeyStore serverStore = server.keyStore();
        trusted.setCertificateEntry("server", serverStore.getCertificate(serverStore.aliases().nextElement()));
        final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        final KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore(), STORE_PASSWORD);
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(presentCertificate ? keys.getKeyManagers() : null, trust.getTrustManagers(), null);
        return context;
    }

    private KeyStore keyStore() throws IOException, GeneralSecurityException {
        final KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, STORE_PASSWORD);
        }
        return keyStore;
    }

    private static String pem(final String type, final byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END " + type + "-----\n";
    }
}
