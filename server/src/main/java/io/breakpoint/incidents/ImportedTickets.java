package io.breakpoint.incidents;

import io.breakpoint.common.Channel;
import io.breakpoint.incidents.internal.Detection;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Imported tickets publish no events, so the desk does not watch them arrive; an import (the demo's, a previous
 * help desk's) asks here for them to be considered as if they had just arrived, in their own order and times.
 */
@Service
@PreAuthorize("hasRole('MSP_ADMIN')")
public class ImportedTickets {

    private final Detection detection;

    ImportedTickets(Detection detection) {
        this.detection = detection;
    }

    @Transactional
    public void consider(List<UUID> ticketIds) {
        Channel.runAs(Channel.SYS, () -> ticketIds.forEach(detection::consider));
    }
}
