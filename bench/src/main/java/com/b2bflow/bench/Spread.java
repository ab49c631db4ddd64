package com.b2bflow.bench;

import java.util.List;
import java.util.stream.Collectors;

/** The rounds behind a ratio: each round's value, so that a reader sees how far one round is from the next. */
record Spread(List<Double> rounds) {

    static Spread of(List<Double> rounds) {
        return new Spread(List.copyOf(rounds));
    }

    double min() {
        return rounds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return rounds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    double median() {
        double[] sorted =
                rounds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    List<Double> rounded() {
        return rounds.stream().map(value -> Stats.round(value, 3)).toList();
    }

    /** "0.71 / 0.65 / 0.80". */
    @Override
    public String toString() {
        return rounds.stream().map(value -> Results.f(value, 2)).collect(Collectors.joining(" / "));
    }
}
