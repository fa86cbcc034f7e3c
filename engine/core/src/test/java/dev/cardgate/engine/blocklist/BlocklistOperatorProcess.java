package dev.cardgate.engine.blocklist;

import dev.cardgate.engine.token.TokenKey;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An operator's process for {@link TwoProcessBlocklistTest}: opens the map file given as argument
 * (key from CARDGATE_TOKEN_KEY) and obeys one command a line on stdin, answering on stdout once
 * the change is made: {@code add PAN REASON}, {@code remove PAN}, {@code count}, {@code exit}.
 */
public final class BlocklistOperatorProcess {
    private BlocklistOperatorProcess() {
    }

    public static void main(final String[] args) throws Exception {
        final TokenKey key = TokenKey.fromHex(System.getenv("CARDGATE_TOKEN_KEY"));
        try (BlocklistStore store = BlocklistStore.open(Path.of(args[0]), Long.parseLong(args[1]), key);
             BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
            System.out.println("ready");
            String line;
            while ((line = commands.readLine()) != null) {
                final String[] words = line.split(" ");
                switch (words[0]) {
                    case "add" -> System.out.println("done " + store.add(words[1], BlockReason.valueOf(words[2]),
                        BlocklistEntry.NO_EXPIRY, "OPERATOR"));
                    case "remove" -> System.out.println("done " + store.remove(words[1]));
                    case "count" -> System.out.println("count " + store.count());
                    case "exit" -> {
                        System.out.println("bye");
                        return;
                    }
                    default -> System.out.println("unknown command " + words[0]);
                }
            }
        }
    }
}
