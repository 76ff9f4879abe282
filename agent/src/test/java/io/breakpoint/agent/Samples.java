package io.breakpoint.agent;

import io.breakpoint.agent.protocol.DeviceFacts;
import io.breakpoint.agent.protocol.DeviceState;
import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.SegmentationCheck;
import io.breakpoint.agent.protocol.Throughput;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Test samples and a pretend workstation. */
public final class Samples {

    private Samples() {}

    public static DeviceFacts facts() {
        return new DeviceFacts("FRONT-DESK-2", "Dell Inc.", "OptiPlex 3050", "7XK2Q42", "Intel(R) Core(TM) i3-7100 CPU @ 3.90GHz",
                4, 8L << 30, 256L << 30, 31L << 30, Boolean.FALSE, "Windows", "10", "19045",
                Instant.parse("2026-11-25T07:02:11Z"), "WIFI", "a4:bb:6d:10:20:30");
    }

    public static Sample aSample(Instant takenAt) {
        return new Sample(UUID.randomUUID(), takenAt, null, "10.20.1.34", null,
                new DeviceState(0.42, 0.71, 0.88, List.of(new DeviceState.ProcessLoad("chrome.exe", 0.21, 512L << 20))),
                List.of(new ProbeResult("GATEWAY", "10.20.1.1", null, 1.2, null, null, 1.2, 5, 0, 0.3, null),
                        new ProbeResult("EMR", "https://emr.example.com/login", 14.0, 31.5, 40.25, 180.0, 266.0, 5, 1, 4.5, null)),
                null, null, false);
    }

    public static Sample everything() {
        return new Sample(UUID.randomUUID(), Instant.parse("2026-11-25T12:00:00.123Z"), Instant.parse("2026-11-25T12:00:01Z"),
                "10.20.1.34", facts(), aSample(Instant.now()).state(), aSample(Instant.now()).probes(),
                new Throughput(262144, 0.25, 8.39), new SegmentationCheck(2, List.of("10.30.0.5:445")), true);
    }

    /** A workstation that reads nothing from the machine and counts its rounds. */
    public static final class Workstation implements Sampler.Device {
        public final AtomicInteger rounds = new AtomicInteger();

        @Override
        public DeviceFacts facts() {
            return Samples.facts();
        }

        @Override
        public DeviceState state() {
            rounds.incrementAndGet();
            return new DeviceState(0.12, 0.5, 0.6, List.of());
        }

        @Override
        public String localAddress() {
            return "127.0.0.1";
        }
    }
}
