package dev.cardgate.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.cardgate.engine.AuthorizationEngine;
import dev.cardgate.engine.config.EngineConfiguration;
import dev.cardgate.engine.frontend.FrontEnd;

/**
 * The Grafana dashboard and the Prometheus alert rules in config/: the dashboard is strict JSON
 * in Grafana's shape (panels with ids, titles, positions and Prometheus targets) and each panel
 * and alert is named in docs/observability.md; every metric either file queries is on a live
 * engine's {@code /metrics}, except the stand-in counter the upstream link brings, which the page
 * names as arriving with it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MonitoringFilesTest {
    private static final Path DASHBOARD = Path.of("../..", "config", "grafana", "cardgate-dashboard.json");
    private static final Path ALERTS = Path.of("../..", "config", "prometheus", "cardgate-alerts.yml");
    private static final Path PAGE = Path.of("../..", "docs", "observability.md");
    /** Queried before they exist: the upstream link's counters (ids 650-699). */
    private static final Set<String> ARRIVING_WITH_THE_UPSTREAM_LINK = Set.of("cardgate_upstream_stand_in_approvals_total");
    private static final Pattern METRIC = Pattern.compile("\\b((?:cardgate|jvm|process)_[a-z0-9_]+)");
    private static final Pattern ALERT = Pattern.compile("^ {6}- alert: ([A-Za-z]+)$");
    private static final Pattern EXPR = Pattern.compile("^ {8}expr: (.+)$");

    @TempDir
    Path folder;

    @Test
    void theDashboardIsGrafanaJsonWithEveryPanelNamedInTheDocs() throws IOException {
        final Map<String, Object> dashboard = object(readJson(DASHBOARD));
        assertEquals("cardgate", dashboard.get("title"));
        assertTrue(dashboard.get("schemaVersion") instanceof Number, "schemaVersion");
        final String page = Files.readString(PAGE);
        final Set<Object> ids = new HashSet<>();
        final List<Object> panels = list(dashboard.get("panels"));
        assertTrue(panels.size() >= 8, "panels: " + panels.size());
        for (final Object element : panels) {
            final Map<String, Object> panel = object(element);
            assertTrue(ids.add(panel.get("id")), "panel id twice: " + panel.get("id"));
            final Map<String, Object> position = object(panel.get("gridPos"));
            assertTrue(position.keySet().containsAll(List.of("h", "w", "x", "y")), panel.toString());
            assertTrue(List.of("timeseries", "table", "stat").contains(panel.get("type")), panel.toString());
            assertTrue(page.contains("| " + panel.get("title") + " |"), "docs/observability.md does not name the panel "
                + panel.get("title"));
            final List<Object> targets = list(panel.get("targets"));
            assertFalse(targets.isEmpty(), panel.get("title") + " queries nothing");
            for (final Object target : targets) {
                assertFalse(String.valueOf(object(target).get("expr")).isBlank(), panel.get("title") + ": " + target);
            }
        }
    }

    @Test
    void theAlertRulesAreNamedInTheDocsAndEachHasAnExpression() throws IOException {
        final String page = Files.readString(PAGE);
        final Map<String, String> alerts = alerts();
        assertTrue(alerts.keySet().containsAll(List.of("CardgateJournalFailing", "CardgateRingFull",
            "CardgateStandInActive", "CardgateSystemMalfunctionRate")), alerts.keySet().toString());
        for (final String alert : alerts.keySet()) {
            assertTrue(page.contains("`" + alert + "`"), "docs/observability.md does not name the alert " + alert);
        }
        for (final String name : ARRIVING_WITH_THE_UPSTREAM_LINK) {
            assertTrue(page.contains("`" + name + "`"), "the page does not say that " + name + " is still to come");
        }
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsServed() throws Exception {
        final Set<String> queried = new TreeSet<>();
        collectExpressions(readJson(DASHBOARD)).forEach(expression -> queried.addAll(metricsIn(expression)));
        alerts().values().forEach(expression -> queried.addAll(metricsIn(expression)));
        final Set<String> served = servedFamilies();

        final List<String> missing = new ArrayList<>();
        for (final String name : queried) {
            final String family = name.replaceAll("_(bucket|sum|count)$", "");
            if (!served.contains(name) && !served.contains(family) && !ARRIVING_WITH_THE_UPSTREAM_LINK.contains(name)) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "queried but not on /metrics; served: " + served);
        assertTrue(queried.contains("cardgate_latency_seconds_bucket") && queried.contains("jvm_memory_used_bytes"),
            queried.toString());
    }

    private Set<String> servedFamilies() throws Exception {
        final EngineConfiguration configuration = EngineConfiguration.builder().dataDirectory(folder.resolve("data"))
            .blocklistCapacity(1_000).frontEnd(frontEnd -> frontEnd.port(0)).build();
        try (AuthorizationEngine engine = AuthorizationEngine.launch(configuration);
             FrontEnd frontEnd = FrontEnd.start(engine);
             MetricsHttpEndpoint endpoint = MetricsHttpEndpoint.start("127.0.0.1", 0, engine.counters(),
                 new EngineReadiness(engine, frontEnd))) {
            final String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint.url()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            return TextExpositionGrammar.check(text).keySet();
        }
    }

    /** Each alert's name and expression, from the rules file's fixed layout (no YAML parser here). */
    private static Map<String, String> alerts() throws IOException {
        final Map<String, String> alerts = new LinkedHashMap<>();
        String alert = null;
        for (final String line : Files.readAllLines(ALERTS)) {
            final Matcher name = ALERT.matcher(line);
            final Matcher expression = EXPR.matcher(line);
            if (name.matches()) {
                assertEquals(null, alert, "an alert without an expression before " + line);
                alert = name.group(1);
            }
            else if (expression.matches()) {
                assertTrue(alert != null, "an expression of no alert: " + line);
                assertEquals(null, alerts.put(alert, expression.group(1)), "alert twice: " + alert);
                alert = null;
            }
        }
        assertEquals(null, alert, "the last alert has no expression");
        return alerts;
    }

    private static Set<String> metricsIn(final String expression) {
        final Set<String> names = new TreeSet<>();
        final Matcher metric = METRIC.matcher(expression);
        while (metric.find()) {
            names.add(metric.group(1));
        }
        return names;
    }

    private static List<String> collectExpressions(final Object json) {
        final List<String> expressions = new ArrayList<>();
        if (json instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("expr".equals(key) || "query".equals(key) && value instanceof String) {
                    expressions.add(String.valueOf(value));
                }
                expressions.addAll(collectExpressions(value));
            });
        }
        else if (json instanceof List<?> values) {
            values.forEach(value -> expressions.addAll(collectExpressions(value)));
        }
        return expressions;
    }

    /** The file as maps, lists and values; Jackson's strict parser refuses anything that is not JSON. */
    private static Object readJson(final Path file) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
            final Object value = read(parser, parser.nextToken());
            assertEquals(null, parser.nextToken(), "content after the dashboard object");
            return value;
        }
    }

    private static Object read(final JsonParser parser, final JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                final Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    final String field = parser.currentName();
                    assertEquals(null, object.put(field, read(parser, parser.nextToken())), "field twice: " + field);
                }
                return object;
            }
            case START_ARRAY -> {
                final List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(read(parser, next));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new AssertionError("unexpected JSON token " + token);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(final Object value) {
        assertTrue(value instanceof Map, "not an object: " + value);
        return (Map<String, Object>)value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(final Object value) {
        assertTrue(value instanceof List, "not an array: " + value);
        return (List<Object>)value;
    }
}
