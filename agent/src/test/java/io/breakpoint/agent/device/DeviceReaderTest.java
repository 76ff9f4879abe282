package io.breakpoint.agent.device;

import io.breakpoint.agent.protocol.DeviceFacts;
import io.breakpoint.agent.protocol.DeviceState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the machine the tests run on, through OSHI: whatever it is, the facts are sane and nothing throws. */
class DeviceReaderTest {

    @Test
    void readsThisMachinesFactsAndLoad() throws Exception {
        DeviceReader reader = new DeviceReader();

        DeviceFacts facts = reader.facts();
        reader.state();
        Thread.sleep(200);
        DeviceState state = reader.state();

        assertThat(facts.cpuCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(facts.memoryBytes()).isPositive();
        assertThat(facts.diskTotalBytes()).isGreaterThanOrEqualTo(facts.diskFreeBytes()).isPositive();
        assertThat(facts.osName()).isNotBlank();
        assertThat(facts.connection()).isIn("WIRED", "WIFI", "UNKNOWN");
        assertThat(facts.bootTime()).isBefore(java.time.Instant.now());
        assertThat(state.cpuLoad()).isBetween(0.0, 1.0);
        assertThat(state.memoryLoad()).isBetween(0.0, 1.0);
        assertThat(state.topProcesses()).isNotEmpty().hasSizeLessThanOrEqualTo(DeviceReader.TOP_PROCESSES);
        assertThat(state.topProcesses()).allSatisfy(p -> assertThat(p.cpuShare()).isBetween(0.0, 1.0));
    }

    @Test
    void theRootDeviceIsTheLastMountOnSlash() {
        assertThat(DiskEncryption.rootDevice(List.of(
                "/dev/mapper/vg-root / ext4 rw 0 0",
                "proc /proc proc rw 0 0",
                "overlay / overlay rw 0 0"))).isEqualTo("overlay");
        assertThat(DiskEncryption.rootDevice(List.of("/dev/sda1 /boot ext4 rw 0 0"))).isNull();
    }
}
