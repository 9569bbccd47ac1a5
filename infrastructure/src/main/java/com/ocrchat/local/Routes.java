package com.ocrchat.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API Gateway's route matching over the template's routes: the most specific route wins; a trailing slash does not matter. */
final class Routes {
    private final List<SamTemplate.Route> routes;

    Routes(List<SamTemplate.Route> routes) {
        this.routes = List.copyOf(routes);
    }

    List<SamTemplate.Route> all() {
        return routes;
    }

    record Match(SamTemplate.Route route, Map<String, String> pathParameters) {}

    Optional<Match> match(String method, String rawPath) {
        List<String> path = segments(rawPath);
        Match best = null;
        int bestScore = -1;
        for (SamTemplate.Route route : routes) {
            if (!route.method().equals("ANY") && !route.method().equals(method)) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            int score = route.path().equals("$default") ? 0 : score(segments(route.path()), path, parameters);
            if (score > bestScore) {
                best = new Match(route, parameters);
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** -1 when the path does not fit; else higher for more literal segments. {name} takes one segment, {name+} the rest. */
    private static int score(List<String> pattern, List<String> path, Map<String, String> parameters) {
        int score = 1;
        for (int i = 0; i < pattern.size(); i++) {
            String part = pattern.get(i);
            boolean variable = part.startsWith("{") && part.endsWith("}");
            if (variable && part.endsWith("+}")) {
                if (path.size() <= i) {
                    return -1;
                }
                parameters.put(
                        part.substring(1, part.length() - 2), decode(String.join("/", path.subList(i, path.size()))));
                return score;
            }
            if (i >= path.size()) {
                return -1;
            }
            if (variable) {
                parameters.put(part.substring(1, part.length() - 1), decode(path.get(i)));
                score += 10;
            } else if (part.equals(path.get(i))) {
                score += 100;
            } else {
                return -1;
            }
        }
        return pattern.size() == path.size() ? score : -1;
    }

    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
