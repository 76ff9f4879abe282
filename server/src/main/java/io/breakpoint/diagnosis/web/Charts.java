package io.breakpoint.diagnosis.web;

import io.breakpoint.diagnosis.internal.HeatMap;
import io.breakpoint.diagnosis.internal.SiteMeasurements.Hop;
import io.breakpoint.diagnosis.internal.SiteMeasurements.Point;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Server-rendered SVG charts: the page draws the shapes these describe, with presentation attributes only (no
 * inline style, no script), so they work under a strict content security policy and without JavaScript.
 */
final class Charts {

    static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    /** Colours for no data, normal, slower, slow, very slow (readable for the common colour blindnesses). */
    private static final String[] FILLS = {"#eef2f5", "#cfe8d8", "#f6e3a1", "#f0a35e", "#c8453b"};
    static final int CELL_W = 26, CELL_H = 20, LEFT = 40, TOP = 18;

    private Charts() {
    }

    record Cell(int x, int y, String fill, String title) {
    }

    record Heat(HeatMap map, List<Cell> cells, int width, int height) {
        public String caption() {
            return map.hop() + ", median by weekday and hour (site time); usual " + ms(map.usual()) + ", " + map.devices() + " devices";
        }
    }

    static Heat heat(HeatMap map) {
        List<Cell> cells = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                cells.add(new Cell(LEFT + hour * CELL_W, TOP + day * CELL_H, FILLS[map.level(day, hour)],
                        DAYS[day] + " " + String.format(Locale.ROOT, "%02d:00", hour) + ": " + map.text(day, hour)));
            }
        }
        return new Heat(map, cells, LEFT + 24 * CELL_W + 4, TOP + 7 * CELL_H + 4);
    }

    record Tick(int x, String label) {
    }

    /** A line chart of one hop over a window: the polyline, the usual level, and labels for the axes. */
    record Line(String hop, String points, int usualY, String usual, String max, List<Tick> ticks, int width, int height,
                boolean empty) {
    }

    static Line line(Hop hop, List<Point> points, Instant from, Instant to, ZoneId zone) {
        int width = 720, height = 120;
        List<Point> shown = points.stream().filter(p -> !p.at().isBefore(from) && !p.at().isAfter(to)).toList();
        List<Tick> ticks = new ArrayList<>();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH);
        long span = Duration.between(from, to).toSeconds();
        for (Instant t = from.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant(); t.isBefore(to); t = t.plus(Duration.ofDays(1))) {
            ticks.add(new Tick((int) (Duration.between(from, t).toSeconds() * width / span), day.format(t.atZone(zone))));
        }
        String title = Character.toUpperCase(hop.label().charAt(0)) + hop.label().substring(1);
        if (shown.isEmpty()) return new Line(title, "", 0, "", "", ticks, width, height, true);
        double[] sorted = shown.stream().mapToDouble(Point::ms).sorted().toArray();
        double median = sorted[sorted.length / 2];
        double top = Math.max(sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] * 1.15, median * 2);
        StringBuilder b = new StringBuilder();
        for (Point p : shown) {
            double x = Duration.between(from, p.at()).toSeconds() * (double) width / span;
            double y = height - Math.min(p.ms(), top) / top * height;
            b.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        int usualY = (int) (height - median / top * height);
        return new Line(title, b.toString().trim(), usualY, ms(median), ms(top), ticks, width, height, false);
    }

    static String ms(double v) {
        return v < 10 ? String.format(Locale.ROOT, "%.1f ms", v) : Math.round(v) + " ms";
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
