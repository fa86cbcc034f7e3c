package dev.cardgate.engine.config;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Checks at validation that a listening address can be listened on: it resolves, and it is the
 * wildcard, a loopback address or an address of one of this host's interfaces. Otherwise the
 * engine would start, create its files, and only then fail to bind ("cannot listen...: null").
 */
final class BindAddress {
    /** What an address or host name may be written with. */
    static final String PATTERN = "[A-Za-z0-9.:_%\\[\\]-]+";

    private BindAddress() {
    }

    /** Adds a problem naming the setting, its value and source when it is not an address of this host. */
    static void check(final SettingValues values, final Setting<String> setting, final List<String> problems) {
        final String address = values.get(setting);
        if (address == null || !address.matches(PATTERN)) {
            return; // already reported against the setting's bounds
        }
        final String reason = whyUnusable(address);
        if (reason != null) {
            problems.add(setting.problem(address, values.source(setting),
                "an address of this host (0.0.0.0 for every interface, 127.0.0.1 for loopback): " + reason));
        }
    }

    /** Null when {@code address} can be listened on here, else why not. */
    static String whyUnusable(final String address) {
        final InetAddress resolved;
        try {
            resolved = InetAddress.getByName(address);
        }
        catch (final UnknownHostException unknown) {
            return address + " does not resolve to an address";
        }
        if (resolved.isAnyLocalAddress() || resolved.isLoopbackAddress()) {
            return null;
        }
        try {
            return NetworkInterface.getByInetAddress(resolved) != null ? null
                : resolved.getHostAddress() + " is not an address of any interface of this host";
        }
        catch (final SocketException cannotList) {
            return "the host's interfaces cannot be listed (" + cannotList.getMessage() + ")";
        }
    }
}
