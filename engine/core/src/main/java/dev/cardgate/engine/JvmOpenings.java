package dev.cardgate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JDK packages Chronicle Map reaches into, checked before an engine opens its first map: a
 * JVM started without {@code config/jvm.options} would otherwise fail deep inside Chronicle with
 * a raw {@code IllegalAccessError} or {@code InaccessibleObjectException} that names no flag.
 * The list is the argfile's {@code --add-exports} and {@code --add-opens} lines (a test reads
 * the file and compares); a module this JVM does not have (no {@code jdk.compiler} in a runtime
 * image without it) is not asked for.
 */
final class JvmOpenings {
    /** {@code module/package}, as in {@code --add-exports=module/package=ALL-UNNAMED}. */
    static final List<String> EXPORTS = List.of(
        "java.base/jdk.internal.ref",
        "java.base/jdk.internal.misc",
        "java.base/sun.nio.ch",
        "jdk.unsupported/sun.misc",
        "jdk.compiler/com.sun.tools.javac.file");
    /** {@code module/package}, as in {@code --add-opens=module/package=ALL-UNNAMED}. */
    static final List<String> OPENS = List.of(
        "jdk.compiler/com.sun.tools.javac",
        "java.base/java.lang",
        "java.base/java.lang.reflect",
        "java.base/java.io",
        "java.base/java.nio",
        "java.base/java.util",
        "java.base/sun.nio.ch");

    private JvmOpenings() {
    }

    /**
     * @throws IllegalStateException naming every missing flag and {@code config/jvm.options}
     *     when this JVM does not give Chronicle (in the module of this class) what it needs
     */
    static void check() {
        final List<String> missing = missing(JvmOpenings.class.getModule());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("this JVM was started without the flags Chronicle Map needs to reach"
                + " JDK internals (" + String.join(" ", missing) + "): start java with the argfile"
                + " @config/jvm.options, or copy its lines into your launcher's JVM options (docs/embedding.md,"
                + " JVM flags)");
        }
    }

    /** The flags, as written on a java command line, that this JVM lacks for {@code reader}. */
    static List<String> missing(final Module reader) {
        final List<String> missing = new ArrayList<>();
        for (final String exported : EXPORTS) {
            final Optional<Module> module = moduleOf(exported);
            if (module.isPresent() && !module.get().isExported(packageOf(exported), reader)) {
                missing.add("--add-exports=" + exported + "=" + target(reader));
            }
        }
        for (final String opened : OPENS) {
            final Optional<Module> module = moduleOf(opened);
            if (module.isPresent() && !module.get().isOpen(packageOf(opened), reader)) {
                missing.add("--add-opens=" + opened + "=" + target(reader));
            }
        }
        return missing;
    }

    private static Optional<Module> moduleOf(final String modulePackage) {
        return ModuleLayer.boot().findModule(modulePackage.substring(0, modulePackage.indexOf('/')));
    }

    private static String packageOf(final String modulePackage) {
        return modulePackage.substring(modulePackage.indexOf('/') + 1);
    }

    private static String target(final Module reader) {
        return reader.isNamed() ? reader.getName() : "ALL-UNNAMED";
    }
}
