package io.breakpoint.diagnosis;

import io.breakpoint.agent.protocol.BatchReceipt;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.SlownessReceipt;
import io.breakpoint.agent.protocol.SlownessReport;
import io.breakpoint.common.ConflictException;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.diagnosis.internal.BurstStore;
import io.breakpoint.diagnosis.internal.MeasurementSource;
import io.breakpoint.diagnosis.internal.MeasurementSource.DeviceRef;
import io.breakpoint.identity.*;
import io.breakpoint.telemetry.AuthenticatedDevice;
import io.breakpoint.tickets.*;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.*;

/**
 * The one-click "it's slow" report (issue 4, item 4): the device's burst of measurements is stored as its
 * telemetry, the device is diagnosed, and an EMR_PERFORMANCE ticket is opened for its user with the evidence as
 * an internal note and the plain summary as the desk's public line. Who the ticket is for: docs/decisions/0015.
 */
@Service
public class SlownessReporting {

    public static final int NOTE_MAX = 2_000;
    public static final int BURST_MAX = 30;

    private final BurstStore bursts;
    private final MeasurementSource source;
    private final Diagnoses diagnoses;
    private final SlownessReports reports;
    private final Directory directory;
    private final TicketDesk desk;
    private final TicketPromises promises;
    private final TransactionTemplate tx;
    private final Clock clock;

    SlownessReporting(BurstStore bursts, MeasurementSource source, Diagnoses diagnoses, SlownessReports reports,
                      Directory directory, TicketDesk desk, TicketPromises promises, TransactionTemplate tx, Clock clock) {
        this.bursts = bursts;
        this.source = source;
        this.diagnoses = diagnoses;
        this.reports = reports;
        this.directory = directory;
        this.desk = desk;
        this.promises = promises;
        this.tx = tx;
        this.clock = clock;
    }

    /** A report from the signed-in device about itself ({@code deviceId} from the path must be that device). */
    public SlownessReceipt report(AuthenticatedDevice device, UUID deviceId, SlownessReport report) {
        if (!device.deviceId().equals(deviceId)) throw new ForbiddenException("A device reports slowness only for itself.");
        if (report == null) throw new InvalidRequestException("body", "Send the report: a note, the user's email and the burst.");
        String note = report.note() == null || report.note().isBlank() ? null : report.note().strip();
        if (note != null && note.length() > NOTE_MAX) throw new InvalidRequestException("note", "The note is at most 2,000 characters.");
        List<Sample> burst = report.burst() == null ? List.of() : report.burst();
        if (burst.size() > BURST_MAX) throw new InvalidRequestException("burst", "A burst holds at most " + BURST_MAX + " samples.");
        if (burst.stream().anyMatch(s -> s == null || s.id() == null)) {
            throw new InvalidRequestException("burst", "Every sample of the burst needs an id.");
        }
        DeviceRef ref = source.device(deviceId).orElseThrow(() -> new ForbiddenException("This device is not enrolled."));
        Actor requester = requester(ref, report.userEmail());

        // The burst first: the diagnosis reads it. Rejected samples (absurd values, ancient times) are left out and
        // said in the note; resending the same report stores nothing twice (samples are de-duplicated by id).
        BatchReceipt stored = burst.isEmpty() ? new BatchReceipt(0, 0, List.of()) : bursts.store(device, burst);
        Diagnosis d = diagnoses.deviceNow(deviceId);

        String key = burst.isEmpty() ? null : "slowness-" + burst.get(0).id();
        String host = ref.name();
        String subject = "EMR is slow on " + host + " (slowness button)";
        String description = (note == null ? "The EMR is slow on this computer." : note)
                + "\n\nReported with the Breakpoint agent's slowness button on " + host + ".";
        return tx.execute(status -> {
            TicketView[] opened = new TicketView[1];
            Actors.runAs(requester, () -> opened[0] = desk.open(new NewTicket(
                    subject.length() > TicketDesk.SUBJECT_MAX ? subject.substring(0, TicketDesk.SUBJECT_MAX) : subject,
                    description, ref.siteId(), Category.EMR_PERFORMANCE, null, key)));
            TicketView t = opened[0];
            Optional<SlownessReports.Report> earlier = reports.forTicket(t.id());
            if (earlier.isPresent()) { // the same report again (the agent retried): the same answer
                return new SlownessReceipt(t.id(), t.reference(), earlier.get().breakpoint().name(), earlier.get().summary());
            }
            String evidence = d.asNote() + (stored.rejected().isEmpty() ? ""
                    : "\n" + stored.rejected().size() + " burst samples were rejected: "
                    + stored.rejected().stream().map(BatchReceipt.Rejected::reason).distinct().limit(3).toList());
            promises.annotate(t.id(), evidence, d.summary());
            reports.save(new SlownessReports.Report(UUID.randomUUID(), deviceId, ref.siteId(), ref.organizationId(), t.id(),
                    requester.userId(), note, clock.instant(), d.breakpoint(), d.confidence(), d.headline(), d.summary()));
            return new SlownessReceipt(t.id(), t.reference(), d.breakpoint().name(), d.summary());
        });
    }

    /**
     * The person the ticket is for: the user the agent names, when they belong to the device's organization;
     * else whoever last reported from this device; else the site's practice manager, any practice manager of
     * the organization, or a clinic staff member of the site, in that order.
     */
    private Actor requester(DeviceRef device, String email) {
        if (email != null && !email.isBlank() && email.length() <= 254) {
            Optional<Actor> named = directory.actorByEmail(email.strip())
                    .filter(a -> device.organizationId().equals(a.organizationId()) && !a.role().isMspRole());
            if (named.isPresent()) return named.get();
        }
        Optional<UUID> last = reports.lastReporter(device.id());
        if (last.isPresent()) {
            Optional<PersonSummary> p = directory.person(last.get()).filter(PersonSummary::enabled);
            if (p.isPresent()) return directory.actorOf(p.get().id());
        }
        // Reading the organization's people as the organization itself: the device belongs to it.
        Actor organization = new Actor(null, "agent@" + device.id(), "Workstation agent", Role.ORG_ADMIN,
                device.organizationId(), Set.of(device.organizationId()));
        List<PersonSummary> people = directory.peopleOf(organization, device.organizationId()).stream()
                .filter(PersonSummary::enabled).toList();
        Comparator<PersonSummary> preference = Comparator
                .comparing((PersonSummary p) -> !(p.role() == Role.ORG_ADMIN && device.siteId().equals(p.siteId())))
                .thenComparing(p -> p.role() != Role.ORG_ADMIN)
                .thenComparing(p -> !(p.role() == Role.REQUESTER && device.siteId().equals(p.siteId())))
                .thenComparing(PersonSummary::email);
        return people.stream().filter(p -> p.role() == Role.ORG_ADMIN || p.role() == Role.REQUESTER).min(preference)
                .map(p -> directory.actorOf(p.id()))
                .orElseThrow(() -> new ConflictException("Nobody at this clinic can own the ticket yet: add a practice manager."));
    }
}
