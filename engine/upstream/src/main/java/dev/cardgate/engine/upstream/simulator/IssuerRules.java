package dev.cardgate.engine.upstream.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the simulated issuer answers, changeable while it runs (from the command line's stdin or
 * a test): approve, decline over an amount (51) or a listed card (its code, 05 or 14), answer
 * late, drop answers or echoes, refuse sign-on, close on a request, or misbehave for a card.
 * A card is named by the last four digits of its number or by its masked number (first six,
 * six stars, last four), as a test PAN is printed.
 *
 * <p>Threading: any thread; each rule is a volatile field or a concurrent map.
 */
public final class IssuerRules {
    /** {@link #declineOverMinor} when no amount is declined. */
    public static final long NO_LIMIT = -1;

    private volatile long declineOverMinor = NO_LIMIT;
    private volatile long delayMillis;
    private volatile boolean dropAnswers;
    private volatile boolean dropEchoes;
    private volatile boolean refuseSignOn;
    private volatile boolean closeOnRequest;
    private final Map<String, Integer> listedCards = new ConcurrentHashMap<>();
    private final Map<String, Misbehaviour> misbehaviours = new ConcurrentHashMap<>();

    /** Amounts (minor units) above this are declined 51; {@link #NO_LIMIT} for none. */
    public IssuerRules declineOver(final long amountMinor) {
        this.declineOverMinor = amountMinor;
        return this;
    }

    public long declineOverMinor() {
        return declineOverMinor;
    }

    /** Lists a card (last four, or masked PAN) to be declined with {@code responseCode}. */
    public IssuerRules list(final String card, final int responseCode) {
        if (responseCode < 1 || responseCode > 99) {
            throw new IllegalArgumentException("a decline code is 01 to 99, not " + responseCode);
        }
        listedCards.put(card, responseCode);
        return this;
    }

    public IssuerRules unlist(final String card) {
        listedCards.remove(card);
        misbehaviours.remove(card);
        return this;
    }

    /** Answers for {@code card} (last four, or masked PAN) go wrong this way; null puts it right. */
    public IssuerRules misbehave(final String card, final Misbehaviour misbehaviour) {
        if (misbehaviour == null) {
            misbehaviours.remove(card);
        }
        else {
            misbehaviours.put(card, misbehaviour);
        }
        return this;
    }

    /** Every answer (but network management) is sent this long after its request. */
    public IssuerRules delayMillis(final long delayMillis) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("a delay is 0 ms or more, not " + delayMillis);
        }
        this.delayMillis = delayMillis;
        return this;
    }

    public long delayMillis() {
        return delayMillis;
    }

    /** Requests and stored messages are recorded but not answered. */
    public IssuerRules dropAnswers(final boolean drop) {
        this.dropAnswers = drop;
        return this;
    }

    public boolean dropAnswers() {
        return dropAnswers;
    }

    /** Echo tests are not answered. */
    public IssuerRules dropEchoes(final boolean drop) {
        this.dropEchoes = drop;
        return this;
    }

    public boolean dropEchoes() {
        return dropEchoes;
    }

    /** Sign-ons are answered 05. */
    public IssuerRules refuseSignOn(final boolean refuse) {
        this.refuseSignOn = refuse;
        return this;
    }

    public boolean refuseSignOn() {
        return refuseSignOn;
    }

    /** A request closes its connection instead of being answered. */
    public IssuerRules closeOnRequest(final boolean close) {
        this.closeOnRequest = close;
        return this;
    }

    public boolean closeOnRequest() {
        return closeOnRequest;
    }

    /** Back to approving everything at once. */
    public IssuerRules reset() {
        declineOverMinor = NO_LIMIT;
        delayMillis = 0;
        dropAnswers = false;
        dropEchoes = false;
        refuseSignOn = false;
        closeOnRequest = false;
        listedCards.clear();
        misbehaviours.clear();
        return this;
    }

    /** The decline code of a listed card (by last four or masked PAN), or 0. */
    int listedCode(final String lastFour, final String maskedPan) {
        final Integer byLastFour = lastFour == null ? null : listedCards.get(lastFour);
        if (byLastFour != null) {
            return byLastFour;
        }
        final Integer byMasked = maskedPan == null ? null : listedCards.get(maskedPan);
        return byMasked == null ? 0 : byMasked;
    }

    Misbehaviour misbehaviour(final String lastFour, final String maskedPan) {
        final Misbehaviour byLastFour = lastFour == null ? null : misbehaviours.get(lastFour);
        return byLastFour != null || maskedPan == null ? byLastFour : misbehaviours.get(maskedPan);
    }

    @Override
    public String toString() {
        return "decline over " + (declineOverMinor == NO_LIMIT ? "nothing" : declineOverMinor) + ", listed "
            + listedCards + ", misbehaving " + misbehaviours + ", delay " + delayMillis + " ms, drop answers "
            + dropAnswers + ", drop echoes " + dropEchoes + ", refuse sign-on " + refuseSignOn
            + ", close on request " + closeOnRequest;
    }
}
