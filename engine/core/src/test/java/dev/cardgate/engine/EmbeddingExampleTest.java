package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The complete example of docs/embedding.md, taken from the page itself: the first java block
 * of its section "A complete example" is compiled by the JDK's compiler against this module's
 * class path, as a host in its own package would compile it, then run; the decisions it
 * prints are the ones the page describes.
 */
class EmbeddingExampleTest {
    private static final Path PAGE = Path.of("../..", "docs", "embedding.md");
    private static final String SECTION = "## A complete example";
    private static final String CLASS_NAME = "com.example.acquirer.EmbeddingExample";

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void thePagesExampleCompilesAsWrittenAndGetsTheDecisionsItPromises() throws Exception {
        final Path classes = compile(exampleFromThePage());

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
            EmbeddingExampleTest.class.getClassLoader())) {
            final Method run = loader.loadClass(CLASS_NAME).getMethod("run", Path.class);
            @SuppressWarnings("unchecked")
            final List<String> printed = (List<String>)run.invoke(null, folder.resolve("data"));

            assertEquals(3, printed.size(), printed.toString());
            assertTrue(printed.get(0).matches("00 APPROVED [0-9A-Z]{6} 411111\\*{6}1111"), printed.get(0));
            assertEquals("43 CARD_STOLEN rule=blocklist 555555******4444", printed.get(1));
            assertEquals("42 0 APPROVED", printed.get(2));
        }
    }

    @Test
    void theExampleIsAWholeFileWithItsImports() throws IOException {
        final String example = exampleFromThePage();
        assertTrue(example.startsWith("package com.example.acquirer;"), example);
        assertTrue(example.contains("import dev.cardgate.engine.AuthorizationEngine;"), example);
    }

    /** The first fenced java block after the section's heading. */
    private static String exampleFromThePage() throws IOException {
        final String page = Files.readString(PAGE);
        final int section = page.indexOf(SECTION);
        assertTrue(section >= 0, "docs/embedding.md has no section " + SECTION);
        final String fence = "```java\n";
        final int start = page.indexOf(fence, section) + fence.length();
        final int end = page.indexOf("```", start);
        assertTrue(start > fence.length() && end > start, "no java block in " + SECTION);
        return page.substring(start, end);
    }

    /** Compiles the source as a host would, warnings as errors; returns the classes' folder. */
    private Path compile(final String source) throws IOException {
        final Path sources = folder.resolve("src/com/example/acquirer");
        Files.createDirectories(sources);
        final Path file = Files.writeString(sources.resolve("EmbeddingExample.java"), source);
        final Path classes = Files.createDirectories(folder.resolve("classes"));

        final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "this JVM has no Java compiler: run the tests on a JDK");
        final StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            final Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(file);
            final boolean compiled = compiler.getTask(diagnostics, files, null, List.of("--release", "17",
                "-Xlint:all", "-Werror", "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()),
                null, units).call();
            assertTrue(compiled, "the example of docs/embedding.md does not compile:\n" + diagnostics);
        }
        return classes;
    }
}
