package dev.cardgate.benchmarks.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Set;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISORequestListener;
import org.jpos.iso.ISOSource;

/**
 * Decides an authorization the way a typical jPOS request listener does: clone the request,
 * check the card number's Luhn digit, the expiry date and an on-heap blocklist, set field 39,
 * send. It allocates freely and takes no care over latency: it is the baseline, not a model.
 *
 * <p>The blocklist holds SHA-256 hashes of PANs, never the PANs themselves.
 */
public final class BaselineAuthorizationListener implements ISORequestListener {
    private static final HexFormat HEX = HexFormat.of();

    private final Set<String> blockedPanHashes;
    private final Clock clock;

    public BaselineAuthorizationListener(final Set<String> blockedPanHashes, final Clock clock) {
        this.blockedPanHashes = blockedPanHashes;
        this.clock = clock;
    }

    @Override
    public boolean process(final ISOSource source, final ISOMsg request) {
        try {
            final ISOMsg response = (ISOMsg)request.clone();
            response.setResponseMTI();
            response.set(39, decide(request));
            source.send(response);
            return true;
        } catch (final ISOException | IOException ex) {
            return false;
        }
    }

    private String decide(final ISOMsg request) {
        final String pan = request.getString(2);
        if (pan == null || pan.length() < 12 || pan.length() > 19 || !luhnValid(pan)) {
            return "14";
        }
        final String expiry = request.getString(14);
        if (expiry == null || expired(expiry)) {
            return "54";
        }
        return blockedPanHashes.contains(sha256(pan)) ? "43" : "00";
    }

    private boolean expired(final String expiryYymm) {
        try {
            final YearMonth expiry = YearMonth.of(2000 + Integer.parseInt(expiryYymm.substring(0, 2)),
                Integer.parseInt(expiryYymm.substring(2, 4)));
            return expiry.isBefore(YearMonth.now(clock));
        } catch (final RuntimeException malformed) {
            return true;
        }
    }

    static boolean luhnValid(final String pan) {
        int sum = 0;
        boolean doubled = false;
        for (int i = pan.length() - 1; i >= 0; i--) {
            final int digit = pan.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            final int value = doubled ? digit * 2 : digit;
            sum += value > 9 ? value - 9 : value;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The form in which the baseline keeps a blocked PAN. */
    public static String sha256(final String pan) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(pan.getBytes(StandardCharsets.US_ASCII)));
        } catch (final NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
        }
    }
}
