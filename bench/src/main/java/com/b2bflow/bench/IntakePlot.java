package com.b2bflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An SVG line chart of intake throughput and the hash baseline against concurrency, written by hand. */
final class IntakePlot {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private IntakePlot() {}

    static void write(JsonNode root, Path file) throws IOException {
        List<double[]> points = points(root.path("intake").path("rounds"));
        if (points.isEmpty()) {
            return;
        }
        List<double[]> ownCores = points(root.path("intake").path("rounds_application_on_own_cores"));
        double max = 0;
        for (List<double[]> series : List.of(points, ownCores)) {
            for (double[] point : series) {
                max = Math.max(max, Math.max(point[1], point[2]));
            }
        }
        double top = niceCeiling(max);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"12\">%n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        JsonNode machine = root.path("machine");
        svg.append(text(
                WIDTH / 2.0,
                22,
                "middle",
                15,
                "bold",
                "Intake: registrations/s until waiting at review vs. bcrypt hash rate"));
        svg.append(text(
                WIDTH / 2.0,
                40,
                "middle",
                11,
                "normal",
                machine.path("cpus").asText() + " CPUs, "
                        + machine.path("date").asText() + ", "
                        + root.path("mode").asText() + " run, load average at start "
                        + machine.path("load_average_at_start").asText()));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        for (int i = 0; i <= 5; i++) {
            double value = top * i / 5;
            double y = TOP + plotHeight - plotHeight * i / 5.0;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT,
                    y,
                    WIDTH - RIGHT,
                    y));
            svg.append(text(LEFT - 8, y + 4, "end", 11, "normal", trim(value)));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT,
                TOP + plotHeight,
                WIDTH - RIGHT,
                TOP + plotHeight));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT,
                TOP,
                LEFT,
                TOP + plotHeight));
        svg.append(text(18, TOP + plotHeight / 2.0, "middle", 12, "normal", "per second")
                .replace("<text ", "<text transform=\"rotate(-90 18 " + (TOP + plotHeight / 2.0) + ")\" "));
        svg.append(text(
                LEFT + plotWidth / 2.0,
                HEIGHT - 18,
                "middle",
                12,
                "normal",
                "concurrency (client threads; hash threads for the baseline)"));
        double[] xs = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = LEFT + 40 + (plotWidth - 80) * (points.size() == 1 ? 0.5 : i / (double) (points.size() - 1));
            svg.append(
                    text(xs[i], TOP + plotHeight + 18, "middle", 12, "normal", String.valueOf((int) points.get(i)[0])));
        }
        svg.append(series(points, xs, 2, top, plotHeight, "#888", "6 4"));
        svg.append(series(points, xs, 1, top, plotHeight, "#1f6feb", null));
        ratios(svg, points, xs, top, plotHeight, -10, "#1f6feb");
        if (ownCores.size() == points.size()) {
            svg.append(series(ownCores, xs, 2, top, plotHeight, "#8fbf8f", "2 3"));
            svg.append(series(ownCores, xs, 1, top, plotHeight, "#2e8b57", null));
            ratios(svg, ownCores, xs, top, plotHeight, 18, "#2e8b57");
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1f6feb\" " + "stroke-width=\"2.5\"/>%n",
                LEFT + 10,
                TOP + 8,
                LEFT + 40,
                TOP + 8));
        svg.append(text(
                LEFT + 46, TOP + 12, "start", 11, "normal", "registrations/s (POST /api/registrations/organization)"));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\" "
                        + "stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/>%n",
                LEFT + 10,
                TOP + 26,
                LEFT + 40,
                TOP + 26));
        svg.append(text(
                LEFT + 46,
                TOP + 30,
                "start",
                11,
                "normal",
                "baseline: " + root.path("intake").path("encoder").asText() + " hashes/s, same threads"));
        if (ownCores.size() == points.size()) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#2e8b57\" " + "stroke-width=\"2.5\"/>%n",
                    LEFT + 10,
                    TOP + 44,
                    LEFT + 40,
                    TOP + 44));
            svg.append(text(
                    LEFT + 46,
                    TOP + 48,
                    "start",
                    11,
                    "normal",
                    "application on core(s) "
                            + root.path("intake").path("application_cores").asText()
                            + " of its own, the hash there too (dotted)"));
        }
        svg.append("</svg>\n");
        Files.writeString(file, svg.toString());
    }

    /** [concurrency, registrations/s, hashes/s, ratio] of each round. */
    private static List<double[]> points(JsonNode rounds) {
        List<double[]> points = new ArrayList<>();
        for (JsonNode round : rounds) {
            points.add(new double[] {
                round.get("concurrency").asDouble(),
                round.get("registrations_per_second").asDouble(),
                round.get("hashes_per_second").asDouble(),
                round.get("ratio").asDouble()
            });
        }
        return points;
    }

    private static void ratios(
            StringBuilder svg,
            List<double[]> points,
            double[] xs,
            double top,
            int plotHeight,
            int offset,
            String colour) {
        for (int i = 0; i < points.size(); i++) {
            double y = y(points.get(i)[1], top, plotHeight);
            svg.append(text(
                            xs[i],
                            y + offset,
                            "middle",
                            11,
                            "bold",
                            "ratio " + String.format(Locale.ROOT, "%.2f", points.get(i)[3]))
                    .replace("<text ", "<text fill=\"" + colour + "\" "));
        }
    }

    private static String series(
            List<double[]> points, double[] xs, int index, double top, int plotHeight, String colour, String dash) {
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double y = y(points.get(i)[index], top, plotHeight);
            path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", xs[i], y));
            dots.append(String.format(
                    Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n", xs[i], y, colour));
        }
        return String.format(
                        Locale.ROOT,
                        "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"%s/>%n",
                        path,
                        colour,
                        dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                + dots;
    }

    private static double y(double value, double top, int plotHeight) {
        return TOP + plotHeight - plotHeight * value / top;
    }

    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value * 1.1) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String text(double x, double y, String anchor, int size, String weight, String text) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" " + "font-weight=\"%s\">%s</text>%n",
                x,
                y,
                anchor,
                size,
                weight,
                text.replace("&", "&amp;").replace("<", "&lt;"));
    }
}
