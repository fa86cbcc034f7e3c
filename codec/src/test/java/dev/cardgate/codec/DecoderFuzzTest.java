package dev.cardgate.codec;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cardgate.codec.dialect.ContentType;
import dev.cardgate.codec.dialect.Dialect;
import dev.cardgate.codec.dialect.Dialects;
import dev.cardgate.codec.dialect.FieldDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated frames against the decoder. Whatever the bytes, {@code wrap} either
 * succeeds with every field inside the frame, or throws {@link CodecException} naming a field
 * and an offset inside the frame; any other throwable fails the test with the case in hex.
 * Each frame sits in a buffer of exactly its length, so a read outside it trips Agrona's bounds
 * check. The run has a time budget, so a decoder that loops fails instead of hanging the build.
 *
 * <p>{@code -Dcardgate.fuzz.cases=10000000} runs more cases (default 150,000, a few seconds);
 * {@code -Dcardgate.fuzz.seed=N} replays a run.
 */
class DecoderFuzzTest {
    private static final long SEED = Long.getLong("cardgate.fuzz.seed", 0x5EED_CA4D_2024L);
    private static final int CASES = Integer.getInteger("cardgate.fuzz.cases", 150_000);
    private static final int BASE_MESSAGES_PER_DIALECT = 64;
    /** Generous: a case takes microseconds; the budget only exists to catch a loop. */
    private static final Duration BUDGET = Duration.ofSeconds(60 + CASES / 10_000);

    private final HexFormat hex = HexFormat.of();
    /** The case being decoded, read by the timeout's message from another thread. */
    private volatile int currentCaseNumber = -1;
    private volatile Dialect currentDialect;
    private volatile byte[] currentFrame;

    @Test
    void malformedFramesOnlyEverRaiseCodecException() {
        assertTimeoutPreemptively(BUDGET, this::run, () -> "did not finish; last case: " + currentCase());
    }

    private void run() {
        final Random random = new Random(SEED);
        final FrameMutator mutator = new FrameMutator(random);
        final List<Dialect> dialects = new ArrayList<>(List.of(Dialects.ISO87_ASCII, Dialects.ISO87_BINARY));
        dialects.addAll(CoverageDialects.ALL);
        dialects.add(withoutEveryThirdField(Dialects.ISO87_ASCII));
        dialects.add(withoutEveryThirdField(Dialects.ISO87_BINARY));
        final List<Iso8583Decoder> decoders = new ArrayList<>();
        final List<List<byte[]>> baseFrames = new ArrayList<>();
        for (final Dialect dialect : dialects) {
            decoders.add(new Iso8583Decoder(dialect));
            final RandomMessages messages = new RandomMessages(dialect);
            final List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < BASE_MESSAGES_PER_DIALECT; i++) {
                frames.add(messages.next(random, 12).encode());
            }
            baseFrames.add(frames);
        }
        final long started = System.nanoTime();
        int decoded = 0;
        final int[] faults = new int[CodecError.values().length];
        for (int caseNumber = 0; caseNumber < CASES; caseNumber++) {
            // two cases in five for each built-in dialect, one in five for the custom dialects
            final int pick = random.nextInt(5);
            final int index = pick < 4 ? pick / 2 : 2 + random.nextInt(dialects.size() - 2);
            final Dialect dialect = dialects.get(index);
            final List<byte[]> bases = baseFrames.get(index);
            final byte[] frame = random.nextInt(10) == 0
                ? mutator.randomFrame(dialect)
                : mutator.mutate(dialect, bases.get(random.nextInt(bases.size())));
            currentCaseNumber = caseNumber;
            currentDialect = dialect;
            currentFrame = frame;
            final CodecError error = decodeOne(decoders.get(index), frame);
            if (error == null) {
                decoded++;
            } else {
                faults[error.ordinal()]++;
            }
        }
        System.out.printf("fuzz: seed %d, %d cases in %d ms, %d decoded, faults:", SEED, CASES,
            (System.nanoTime() - started) / 1_000_000, decoded);
        for (final CodecError error : CodecError.values()) {
            System.out.printf(" %s=%d", error, faults[error.ordinal()]);
        }
        System.out.println();
        for (final CodecError error : CodecError.values()) {
            // a short run (a smaller -Dcardgate.fuzz.cases) may miss the rarest errors
            assertTrue(CASES < 100_000 || faults[error.ordinal()] > 0,
                "the cases never provoked " + error + ": the fuzzer is too weak");
        }
    }

    /** A custom variant that leaves fields undefined, so that a bitmap can announce one. */
    private static Dialect withoutEveryThirdField(final Dialect base) {
        final FieldDefinition[] fields = base.fieldsCopy();
        for (int number = 3; number <= Dialect.MAX_FIELD; number += 3) {
            fields[number] = null;
        }
        return new Dialect(base.name() + "-sparse", base.messageTypeEncoding(), base.bitmapEncoding(), fields);
    }

    /** @return null when the frame decoded, else the error it raised */
    private CodecError decodeOne(final Iso8583Decoder decoder, final byte[] frame) {
        CodecError error = null;
        try {
            decoder.wrap(new UnsafeBuffer(frame), 0, frame.length);
        } catch (final CodecException fault) {
            if (fault.error() == null || fault.field() < 0 || fault.field() > Dialect.MAX_FIELD
                || fault.offset() < 0 || fault.offset() > frame.length) {
                fail("fault outside the frame: " + fault.getMessage() + "\n" + currentCase());
            }
            error = fault.error();
        } catch (final Throwable other) {
            fail("wrap threw " + other + " instead of CodecException\n" + currentCase(), other);
        }
        try {
            readEverything(decoder, frame.length);
        } catch (final Throwable other) {
            fail("reading the indexed fields threw " + other + "\n" + currentCase(), other);
        }
        return error;
    }

    /** Every indexed field lies inside the frame and reads through every accessor without fault. */
    private void readEverything(final Iso8583Decoder decoder, final int frameLength) {
        for (int number = 2; number <= Dialect.MAX_FIELD; number++) {
            if (!decoder.hasField(number)) {
                continue;
            }
            final int start = decoder.fieldStart(number);
            final int end = start + decoder.fieldWireLength(number);
            if (start < 0 || decoder.fieldDataOffset(number) < start || end > frameLength) {
                fail("field " + number + " at [" + start + ", " + end + ") is outside the frame\n" + currentCase());
            }
            for (int i = 0; i < decoder.fieldLength(number); i++) {
                decoder.valueAt(number, i);
            }
            final ContentType content = decoder.dialect().field(number).content();
            final boolean digits = content == ContentType.NUMERIC || content == ContentType.AMOUNT;
            if (digits && decoder.fieldLength(number) <= 18) {
                decoder.numeric(number);
            }
        }
        decoder.appendTo(new StringBuilder());
    }

    private String currentCase() {
        final byte[] frame = currentFrame;
        if (frame == null) {
            return "none yet";
        }
        return "case " + currentCaseNumber + " of seed " + SEED + " (-Dcardgate.fuzz.seed=" + SEED + "), "
            + currentDialect.name()
            + ", " + frame.length + " bytes: " + hex.formatHex(frame);
    }
}
