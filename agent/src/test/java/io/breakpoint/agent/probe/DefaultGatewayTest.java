package io.breakpoint.agent.probe;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultGatewayTest {

    @Test
    void readsTheLowestMetricDefaultRouteFromProcNetRoute() {
        List<String> table = List.of(
                "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
                "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0",
                "eth0\t00000000\t0114A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0",
                "eth0\t0014A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0");

        assertThat(DefaultGateway.parse(table)).isEqualTo(new DefaultGateway.Route("192.168.20.1", "eth0"));
    }

    @Test
    void noDefaultRouteMeansNoGateway() {
        assertThat(DefaultGateway.parse(List.of("Iface\tDestination\tGateway",
                "eth0\t0014A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0"))).isNull();
    }

    @Test
    void hostsPortsAndIpv6Literals() {
        assertThat(HostPort.parse("edge.lakeside.example:443", -1)).isEqualTo(new HostPort("edge.lakeside.example", 443));
        assertThat(HostPort.parse("10.0.0.1", -1)).isEqualTo(new HostPort("10.0.0.1", -1));
        assertThat(HostPort.parse("[fe80::1]:22", -1)).isEqualTo(new HostPort("fe80::1", 22));
        assertThat(HostPort.parse("host:notaport", -1)).isNull();
        assertThat(HostPort.parse("", -1)).isNull();
    }
}
