package com.ocrchat.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml as the local server needs it: the HTTP routes of every {@code AWS::Serverless::Function}
 * (its {@code HttpApi} events and handler), the functions' environment, and the resources. CloudFormation
 * short-form tags ({@code !Ref}, {@code !Sub}, ...) are read as their long forms ({@code Ref}, {@code Fn::Sub}).
 */
public final class SamTemplate {
    /** One route: an HTTP method (or ANY) and a path such as {@code /api/v1/ocr/{uuid}}, served by a handler. */
    public record Route(String function, String method, String path, String handler, int timeoutSeconds) {}

    /** An SQS event source: the function's handler fed batches from a queue (logical id). */
    public record QueueEvent(
            String function,
            String handler,
            String queue,
            int batchSize,
            boolean reportsItemFailures,
            int timeoutSeconds) {}

    /** A Schedule event: the handler invoked every {@code rate}. */
    public record Schedule(String function, String handler, java.time.Duration rate) {}

    /** A function deployed as a zip: its handler string and where its package is built. */
    public record ZipFunction(String handler, String codeUri) {}

    /** An image function: the command its container runs (the handler) and the Dockerfile it is built from. */
    public record ImageFunction(String handler, String dockerfile) {}

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static SamTemplate read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        }
    }

    public static SamTemplate parse(Reader reader) {
        Object loaded = new Yaml(new CloudFormationConstructor(new LoaderOptions())).load(reader);
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("template.yaml is not a mapping");
        }
        return new SamTemplate(cast(map));
    }

    /** The whole template as plain maps and lists (short-form tags in long form). */
    public Map<String, Object> asMap() {
        return root;
    }

    public Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        map(root, "Resources").forEach((name, value) -> {
            Map<String, Object> resource = cast((Map<?, ?>) value);
            if (type.equals(resource.get("Type"))) {
                found.put(name, resource);
            }
        });
        return found;
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        eachEvent(
                "HttpApi",
                (function, handler, timeout, properties) -> routes.add(new Route(
                        function,
                        String.valueOf(properties.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT),
                        String.valueOf(properties.getOrDefault("Path", "$default")),
                        handler,
                        timeout)));
        return routes;
    }

    /** SQS events in the order they are written (a function's first queue is drained first locally). */
    public List<QueueEvent> queueEvents() {
        List<QueueEvent> events = new ArrayList<>();
        eachEvent("SQS", (function, handler, timeout, properties) -> {
            Object queue = properties.get("Queue");
            if (!(queue instanceof Map<?, ?> getAtt) || !(getAtt.get("Fn::GetAtt") instanceof List<?> target)) {
                throw new IllegalArgumentException(function + ": an SQS event's Queue must be !GetAtt <Queue>.Arn");
            }
            Object responseTypes = properties.getOrDefault("FunctionResponseTypes", List.of());
            events.add(new QueueEvent(
                    function,
                    handler,
                    String.valueOf(target.get(0)),
                    number(properties.getOrDefault("BatchSize", 10)),
                    responseTypes instanceof List<?> types && types.contains("ReportBatchItemFailures"),
                    timeout));
        });
        return events;
    }

    /** Schedule events written as rate(N minutes|hours|seconds). */
    public List<Schedule> schedules() {
        List<Schedule> schedules = new ArrayList<>();
        eachEvent("Schedule", (function, handler, timeout, properties) -> {
            String expression = String.valueOf(properties.get("Schedule")).trim();
            java.util.regex.Matcher rate = java.util.regex.Pattern.compile(
                            "rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)")
                    .matcher(expression);
            if (!rate.matches()) {
                throw new IllegalArgumentException(
                        function + ": only rate(...) schedules run locally, not " + expression);
            }
            long amount = Long.parseLong(rate.group(1));
            java.time.Duration period = rate.group(2).startsWith("minute")
                    ? java.time.Duration.ofMinutes(amount)
                    : rate.group(2).startsWith("hour")
                            ? java.time.Duration.ofHours(amount)
                            : java.time.Duration.ofDays(amount);
            schedules.add(new Schedule(function, handler, period));
        });
        return schedules;
    }

    /** The zip functions by logical id. */
    public Map<String, ZipFunction> zipFunctions() {
        Map<String, ZipFunction> functions = new java.util.TreeMap<>();
        resources("AWS::Serverless::Function").forEach((name, resource) -> {
            Map<String, Object> properties = map(resource, "Properties");
            if (!"Image".equals(properties.get("PackageType"))) {
                functions.put(
                        name,
                        new ZipFunction(
                                String.valueOf(properties.get("Handler")), String.valueOf(properties.get("CodeUri"))));
            }
        });
        return functions;
    }

    /** The image functions by logical id. */
    public Map<String, ImageFunction> imageFunctions() {
        Map<String, ImageFunction> functions = new java.util.TreeMap<>();
        Map<String, Object> globals = map(map(root, "Globals"), "Function");
        resources("AWS::Serverless::Function").forEach((name, resource) -> {
            Map<String, Object> properties = map(resource, "Properties");
            if ("Image".equals(properties.get("PackageType"))) {
                functions.put(
                        name,
                        new ImageFunction(
                                handler(properties, globals),
                                String.valueOf(map(resource, "Metadata").get("Dockerfile"))));
            }
        });
        return functions;
    }

    private interface EventVisitor {
        void visit(String function, String handler, int timeoutSeconds, Map<String, Object> eventProperties);
    }

    private void eachEvent(String type, EventVisitor visitor) {
        Map<String, Object> globals = map(map(root, "Globals"), "Function");
        resources("AWS::Serverless::Function").forEach((name, resource) -> {
            Map<String, Object> properties = map(resource, "Properties");
            String handler = handler(properties, globals);
            int timeout = number(properties.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3)));
            map(properties, "Events").forEach((eventName, value) -> {
                Map<String, Object> event = cast((Map<?, ?>) value);
                if (type.equals(event.get("Type"))) {
                    visitor.visit(name, handler, timeout, map(event, "Properties"));
                }
            });
        });
    }

    /** Environment variables every function gets (Globals), values as written (a Ref stays a map). */
    public Map<String, Object> globalEnvironment() {
        return map(map(map(map(root, "Globals"), "Function"), "Environment"), "Variables");
    }

    private static String handler(Map<String, Object> properties, Map<String, Object> globals) {
        if (properties.get("Handler") instanceof String handler) {
            return handler;
        }
        Object command = map(properties, "ImageConfig").get("Command");
        if (command instanceof List<?> list && !list.isEmpty()) {
            return String.valueOf(list.get(0));
        }
        if (globals.get("Handler") instanceof String handler) {
            return handler;
        }
        throw new IllegalArgumentException("A function in template.yaml has neither Handler nor ImageConfig.Command");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> map ? cast(map) : Map.of();
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : Integer.parseInt(String.valueOf(value));
    }

    /** Reads {@code !Ref X} as {@code {Ref: X}} and {@code !Sub ...} as {@code {Fn::Sub: ...}}, and so on. */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    String key = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    if (tag.equals("GetAtt") && value instanceof String dotted) {
                        value = List.of(dotted.split("\\.", 2));
                    }
                    return Map.of(key, value);
                }
            });
        }
    }
}
