package io.breakpoint.diagnosis.internal;

import io.breakpoint.agent.protocol.BatchReceipt;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.telemetry.AuthenticatedDevice;

import java.util.List;

/** Stores the burst of a one-click report as the device's telemetry (validated and de-duplicated like any batch). */
public interface BurstStore {

    BatchReceipt store(AuthenticatedDevice device, List<Sample> burst);
}
