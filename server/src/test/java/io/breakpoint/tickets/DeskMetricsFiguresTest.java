package io.breakpoint.tickets;

import io.breakpoint.tickets.internal.TicketStore.MetricRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DeskMetricsFiguresTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final UUID ORG = UUID.randomUUID();
    private static final UUID CHESTERFIELD = UUID.randomUUID();
    private static final Map<UUID, ZoneId> ZONES = Map.of(CHESTERFIELD, CHICAGO);
    /** Well after every ticket below: every opening day is over. */
    private static final Instant NOW = chicago("2026-11-27T12:00");

    @Test
    void averageAndP90FirstResponseCountOnlyAnsweredTickets() {
        List<MetricRow> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) rows.add(answeredAfterSeconds(i * 10));
        rows.add(unanswered());

        DeskMetrics.Figures f = DeskMetrics.figures(rows, ZONES, NOW, 0);

        assertThat(f.averageFirstResponseSeconds()).isEqualTo(55.0);
        assertThat(f.p90FirstResponseSeconds()).isEqualTo(90.0);
        assertThat(f.ticketsWithFirstResponse()).isEqualTo(10);
        assertThat(f.ticketsOpened()).isEqualTo(11);
    }

    @Test
    void aLateEveningTicketResolvedAfterMidnightInChicagoIsNotSameDay() {
        // 22:30 and 00:30 Chicago time are 04:30 and 06:30 UTC on the same UTC date: only the site's zone tells.
        MetricRow lateEvening = resolved(chicago("2026-11-24T22:30"), chicago("2026-11-25T00:30"));

        DeskMetrics.Figures f = DeskMetrics.figures(List.of(lateEvening), ZONES, NOW, 1);

        assertThat(f.sameDayResolutionRate()).isEqualTo(0.0);
    }

    @Test
    void sameDayRateIsTheShareResolvedOnTheDayTheyWereOpened() {
        List<MetricRow> rows = List.of(
                resolved(chicago("2026-11-24T09:00"), chicago("2026-11-24T15:00")),
                resolved(chicago("2026-11-24T16:00"), chicago("2026-11-24T23:59")),
                resolved(chicago("2026-11-24T10:00"), chicago("2026-11-25T08:00")),
                open(chicago("2026-11-24T11:00")));

        DeskMetrics.Figures f = DeskMetrics.figures(rows, ZONES, NOW, 3);

        assertThat(f.sameDayResolutionRate()).isEqualTo(0.5);
    }

    @Test
    void anOpenTicketWhoseDayIsNotOverIsNotCountedYet() {
        Instant morning = chicago("2026-11-24T09:00");
        List<MetricRow> rows = List.of(resolved(morning, chicago("2026-11-24T10:00")), open(chicago("2026-11-24T11:00")));

        DeskMetrics.Figures f = DeskMetrics.figures(rows, ZONES, chicago("2026-11-24T12:00"), 1);

        assertThat(f.sameDayResolutionRate()).isEqualTo(1.0);
    }

    @Test
    void passAroundIsTheAverageNumberOfReassignments() {
        List<MetricRow> rows = List.of(reassigned(0), reassigned(1), reassigned(2), reassigned(0));

        assertThat(DeskMetrics.figures(rows, ZONES, NOW, 0).averageReassignments()).isEqualTo(0.75);
    }

    @Test
    void noTicketsMeanNoFiguresRatherThanZeros() {
        DeskMetrics.Figures f = DeskMetrics.figures(List.of(), ZONES, NOW, 0);

        assertThat(f.averageFirstResponseSeconds()).isNull();
        assertThat(f.p90FirstResponseSeconds()).isNull();
        assertThat(f.sameDayResolutionRate()).isNull();
        assertThat(f.averageReassignments()).isNull();
        assertThat(f.ticketsOpened()).isZero();
    }

    private static Instant chicago(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
    }

    private static MetricRow answeredAfterSeconds(int seconds) {
        Instant opened = chicago("2026-11-24T09:00");
        return new MetricRow(ORG, CHESTERFIELD, 1, opened, opened.plusSeconds(seconds), null, 0);
    }

    private static MetricRow unanswered() {
        return open(chicago("2026-11-24T09:00"));
    }

    private static MetricRow open(Instant opened) {
        return new MetricRow(ORG, CHESTERFIELD, 1, opened, null, null, 0);
    }

    private static MetricRow resolved(Instant opened, Instant resolved) {
        return new MetricRow(ORG, CHESTERFIELD, 1, opened, resolved, resolved, 0);
    }

    private static MetricRow reassigned(int times) {
        return new MetricRow(ORG, CHESTERFIELD, 1, chicago("2026-11-24T09:00"), null, null, times);
    }
}
