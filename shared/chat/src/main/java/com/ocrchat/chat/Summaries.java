package com.ocrchat.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An extractive summary: LexRank (Erkan and Radev, 2004), the sentences most central to the document by their
 * TF-IDF cosine similarity to the others (PageRank over the graph of similar pairs), given in document order.
 * 3 to 7 of them, more for longer documents, from more than one page when the document has several.
 */
final class Summaries {
    private static final int FEWEST = 3;
    private static final int MOST = 7;
    /** Sentences compared at most (evenly spread over the document): the graph is quadratic in them. */
    private static final int COMPARED = 600;

    private static final double SIMILAR = 0.1;
    private static final double DAMPING = 0.85;

    private Summaries() {}

    static List<Sentence> of(List<Sentence> document) {
        List<Sentence> candidates = candidates(document);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Map<String, Double>> vectors = vectors(candidates);
        double[] centrality = lexRank(vectors);
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            ranked.add(i);
        }
        ranked.sort(Comparator.comparingDouble((Integer i) -> -centrality[i]));
        long pages = document.stream().mapToInt(Sentence::page).distinct().count();
        int wanted = (int) Math.max(FEWEST, Math.min(MOST, pages + 2));
        List<Integer> picked = new ArrayList<>();
        for (int i : ranked) {
            if (picked.size() == wanted) {
                break;
            }
            if (picked.stream().noneMatch(j -> cosine(vectors.get(i), vectors.get(j)) > 0.6)) { // no near-repeats
                picked.add(i);
            }
        }
        // A document of several pages is summarized from more than one: the most central sentence of another page
        // stands in for the least central pick when all came from the same page.
        if (pages > 1
                && picked.stream().map(i -> candidates.get(i).page()).distinct().count() == 1) {
            int page = candidates.get(picked.get(0)).page();
            ranked.stream()
                    .filter(i -> candidates.get(i).page() != page)
                    .findFirst()
                    .ifPresent(other -> picked.set(picked.size() - 1, other));
        }
        return picked.stream().sorted().map(candidates::get).toList();
    }

    /** Sentences worth summarizing with: of some length, evenly sampled when there are very many. */
    private static List<Sentence> candidates(List<Sentence> document) {
        List<Sentence> full = document.stream()
                .filter(s -> s.text().split("\\s+").length >= 6 && Sentences.isSentence(s.text()))
                .toList();
        if (full.size() <= COMPARED) {
            return full;
        }
        List<Sentence> sampled = new ArrayList<>();
        for (int i = 0; i < COMPARED; i++) {
            sampled.add(full.get((int) ((long) i * full.size() / COMPARED)));
        }
        return sampled;
    }

    private static List<Map<String, Double>> vectors(List<Sentence> sentences) {
        List<Set<String>> terms = new ArrayList<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (Sentence sentence : sentences) {
            Set<String> words = new HashSet<>(ExtractiveAnswerer.terms(sentence.text()));
            terms.add(words);
            words.forEach(word -> documentFrequency.merge(word, 1, Integer::sum));
        }
        List<Map<String, Double>> vectors = new ArrayList<>();
        for (Set<String> words : terms) {
            Map<String, Double> vector = new HashMap<>();
            for (String word : words) {
                vector.put(word, Math.log((double) sentences.size() / documentFrequency.get(word)) + 1);
            }
            double norm =
                    Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum());
            vector.replaceAll((word, weight) -> weight / norm); // unit length: a cosine is a dot product
            vectors.add(vector);
        }
        return vectors;
    }

    private static double[] lexRank(List<Map<String, Double>> vectors) {
        int n = vectors.size();
        List<List<Integer>> neighbours = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            neighbours.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (cosine(vectors.get(i), vectors.get(j)) > SIMILAR) {
                    neighbours.get(i).add(j);
                    neighbours.get(j).add(i);
                }
            }
        }
        double[] rank = new double[n];
        java.util.Arrays.fill(rank, 1.0 / n);
        for (int iteration = 0; iteration < 30; iteration++) {
            double[] next = new double[n];
            java.util.Arrays.fill(next, (1 - DAMPING) / n);
            for (int i = 0; i < n; i++) {
                List<Integer> out = neighbours.get(i);
                if (out.isEmpty()) {
                    continue;
                }
                double share = DAMPING * rank[i] / out.size();
                for (int j : out) {
                    next[j] += share;
                }
            }
            rank = next;
        }
        return rank;
    }

    /** The cosine of two unit-length vectors. */
    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> entry : (a.size() < b.size() ? a : b).entrySet()) {
            Double other = (a.size() < b.size() ? b : a).get(entry.getKey());
            if (other != null) {
                dot += entry.getValue() * other;
            }
        }
        return dot;
    }
}
