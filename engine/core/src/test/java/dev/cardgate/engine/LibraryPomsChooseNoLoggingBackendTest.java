package dev.cardgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The libraries an embedder takes (cardgate-core, cardgate-frontend) bring the SLF4J API only:
 * a logging backend in their poms is test-scoped, so the host's own (Logback, Log4j 2) is the
 * one that runs. Only cardgate-app, the command, chooses slf4j-jdk14 for itself.
 */
class LibraryPomsChooseNoLoggingBackendTest {
    private static final Set<String> BACKENDS = Set.of("slf4j-jdk14", "slf4j-simple", "slf4j-reload4j", "slf4j-nop",
        "logback-classic", "log4j-slf4j-impl", "log4j-slf4j2-impl");

    @Test
    void coreAndFrontEndDeclareABackendForTheirTestsOnly() throws Exception {
        for (final String module : List.of("core", "frontend")) {
            assertEquals(List.of(), backendsOutsideTests(Path.of("..", module, "pom.xml")), "engine/" + module
                + "/pom.xml brings a logging backend to embedders");
        }
    }

    @Test
    void theApplicationChoosesJavaUtilLoggingAtRunTime() throws Exception {
        assertEquals(List.of("slf4j-jdk14:runtime"), backendsOutsideTests(Path.of("..", "app", "pom.xml")));
    }

    private static List<String> backendsOutsideTests(final Path pom) throws Exception {
        assertTrue(pom.toFile().isFile(), pom.toAbsolutePath().toString());
        final Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        final NodeList dependencies = document.getElementsByTagName("dependency");
        final List<String> found = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            final Element dependency = (Element)dependencies.item(i);
            final String artifact = text(dependency, "artifactId");
            final String scope = text(dependency, "scope");
            if (BACKENDS.contains(artifact) && !"test".equals(scope)) {
                found.add(artifact + ":" + (scope.isEmpty() ? "compile" : scope));
            }
        }
        return found;
    }

    private static String text(final Element parent, final String tag) {
        final NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
