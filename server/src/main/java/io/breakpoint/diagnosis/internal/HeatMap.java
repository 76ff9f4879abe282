package io.breakpoint.diagnosis.internal;

import io.breakpoint.diagnosis.internal.SiteMeasurements.Device;
import io.breakpoint.diagnosis.internal.SiteMeasurements.Hop;
import io.breakpoint.diagnosis.internal.SiteMeasurements.Point;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.*;

/**
 * EMR response by weekday and hour of day (site time): the median over the devices and weeks in each cell, and
 * the median of all cells as the usual level the cells are coloured against.
 *
 * @param cells [weekday 0 = Monday][hour], NaN where there is no measurement
 */
public record HeatMap(String title, String hop, double[][] cells, double usual, int devices) {

    /** The EMR transaction when the agents run one, else the EMR's time to first byte. */
    public static HeatMap of(String title, Collection<Device> devices, ZoneId zone) {
        Hop hop = devices.stream().anyMatch(d -> !d.series(Hop.EMR_TRANSACTION).isEmpty()) ? Hop.EMR_TRANSACTION : Hop.EMR;
        List<List<Double>> values = new ArrayList<>(7 * 24);
        for (int i = 0; i < 7 * 24; i++) values.add(new ArrayList<>());
        int measured = 0;
        for (Device d : devices) {
            List<Point> points = d.series(hop);
            if (!points.isEmpty()) measured++;
            for (Point p : points) {
                ZonedDateTime at = p.at().minus(d.clockOffset()).atZone(zone);
                values.get((at.getDayOfWeek().getValue() - 1) * 24 + at.getHour()).add(p.ms());
            }
        }
        double[][] cells = new double[7][24];
        List<Double> all = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                List<Double> v = values.get(day * 24 + hour);
                cells[day][hour] = v.isEmpty() ? Double.NaN : BreakpointEngine.median(v);
                if (!v.isEmpty()) all.add(cells[day][hour]);
            }
        }
        return new HeatMap(title, hop.label(), cells, all.isEmpty() ? Double.NaN : BreakpointEngine.median(all), measured);
    }

    public boolean empty() {
        return Double.isNaN(usual);
    }

    /** How a cell compares with the usual level: 0 none, 1 normal, 2 slower, 3 slow, 4 very slow. */
    public int level(int day, int hour) {
        double v = cells[day][hour];
        if (Double.isNaN(v)) return 0;
        double r = v / usual;
        return r < 1.25 ? 1 : r < 1.5 ? 2 : r < 2.5 ? 3 : 4;
    }

    public String text(int day, int hour) {
        double v = cells[day][hour];
        return Double.isNaN(v) ? "no data" : BreakpointEngine.ms(v);
    }
}
