package io.breakpoint.tickets.internal;

import io.breakpoint.common.ConflictException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.tickets.EntryKind;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketStatus;
import io.breakpoint.tickets.Triage;
import io.breakpoint.tickets.Visibility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.breakpoint.tickets.TicketStatus.*;
import static io.breakpoint.tickets.internal.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketLifecycleTest {

    /** What a person can do to a ticket, and the states in which the lifecycle allows it (PRODUCT.md). */
    enum Action {
        ASSIGN(t -> t.assign(BEN, BEN, after(10)), EnumSet.of(TRIAGED, IN_PROGRESS, WAITING_ON_REQUESTER, WAITING_ON_VENDOR)),
        ESCALATE(t -> t.escalate(2, "Needs the EMR specialist", AVA, after(10)),
                EnumSet.of(TRIAGED, IN_PROGRESS, WAITING_ON_REQUESTER, WAITING_ON_VENDOR)),
        START_WORK(t -> t.changeStatus(IN_PROGRESS, AVA, after(10)),
                EnumSet.of(TRIAGED, IN_PROGRESS, WAITING_ON_REQUESTER, WAITING_ON_VENDOR)),
        WAIT_ON_REQUESTER(t -> t.changeStatus(WAITING_ON_REQUESTER, AVA, after(10)),
                EnumSet.of(TRIAGED, IN_PROGRESS, WAITING_ON_REQUESTER, WAITING_ON_VENDOR)),
        WAIT_ON_VENDOR(t -> t.changeStatus(WAITING_ON_VENDOR, AVA, after(10)),
                EnumSet.of(TRIAGED, IN_PROGRESS, WAITING_ON_REQUESTER, WAITING_ON_VENDOR)),
        RESOLVE(t -> t.resolve("Replaced the cable.", AVA, after(10)),
                EnumSet.of(TRIAGED, IN_PROGRESS, WAITING_ON_REQUESTER, WAITING_ON_VENDOR)),
        REOPEN(t -> t.reopen("Still slow.", ELLIS, after(10)), EnumSet.of(RESOLVED)),
        CLOSE(t -> t.close(after(10)), EnumSet.of(RESOLVED)),
        STAFF_REPLY(t -> t.comment("Looking now.", Visibility.PUBLIC, false, AVA, after(10)),
                EnumSet.complementOf(EnumSet.of(CLOSED))),
        INTERNAL_NOTE(t -> t.comment("Switch port 14.", Visibility.INTERNAL, false, AVA, after(10)),
                EnumSet.complementOf(EnumSet.of(CLOSED))),
        REQUESTER_REPLY(t -> t.comment("Thanks.", Visibility.PUBLIC, true, ELLIS, after(10)),
                EnumSet.complementOf(EnumSet.of(CLOSED))),
        RECLASSIFY(t -> t.reclassify(io.breakpoint.tickets.Category.EMR_PERFORMANCE, Priority.P2, AVA, after(10)),
                EnumSet.complementOf(EnumSet.of(CLOSED)));

        final Consumer<Ticket> apply;
        final Set<TicketStatus> allowedIn;

        Action(Consumer<Ticket> apply, Set<TicketStatus> allowedIn) {
            this.apply = apply;
            this.allowedIn = allowedIn;
        }
    }

    static Stream<Arguments> everyActionInEveryState() {
        List<Arguments> all = new ArrayList<>();
        for (Action a : Action.values()) {
            for (TicketStatus s : TicketStatus.values()) all.add(Arguments.of(a, s));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyActionInEveryState")
    void anActionIsTakenWhereTheLifecycleAllowsItAndRefusedWithAConflictElsewhere(Action action, TicketStatus state) {
        Ticket t = aTicketIn(state);
        int entries = t.newEntries().size();
        if (action.allowedIn.contains(state)) {
            action.apply.accept(t);
        } else {
            assertThatThrownBy(() -> action.apply.accept(t))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageStartingWith("Ticket BP-1001 is ")
                    .hasMessageContaining(state.label().toLowerCase());
            assertThat(t.status()).as("a refused action changes nothing").isEqualTo(state);
            assertThat(t.newEntries()).hasSize(entries);
        }
    }

    @Test
    void triageOnlyPlacesANewTicket() {
        Ticket t = aTicketInTierOneQueue();
        assertThatThrownBy(() -> t.triage(new Triage.Decision(null, 2, Priority.P2, "again"), after(1)))
                .isInstanceOf(ConflictException.class).hasMessage("Ticket BP-1001 is already triaged.");
        assertThat(t.tier()).isEqualTo(1);
        assertThat(t.reassignments()).isZero();
    }

    @Test
    void closedTicketsTakeNoReplies() {
        Ticket t = aTicketIn(CLOSED);
        assertThatThrownBy(() -> t.comment("Hello?", Visibility.PUBLIC, true, ELLIS, after(20_000)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is closed and takes no more replies");
    }

    @Test
    void reopeningAClosedTicketSaysToOpenANewOne() {
        Ticket t = aTicketIn(CLOSED);
        assertThatThrownBy(() -> t.reopen("Broken again", ELLIS, after(20_000)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Ticket BP-1001 is closed and cannot be reopened; open a new ticket.");
    }

    @Test
    void aResolvedTicketCannotBeWorkedWithoutReopeningIt() {
        Ticket t = aTicketIn(RESOLVED);
        assertThatThrownBy(() -> t.changeStatus(IN_PROGRESS, AVA, after(30)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Reopen it first");
        assertThat(t.resolvedAt()).isNotNull();
    }

    @Test
    void statusCannotBeUsedToResolveCloseOrRequeue() {
        Ticket t = aTicketAvaWorksOn();
        for (TicketStatus s : List.of(RESOLVED, CLOSED, NEW, TRIAGED)) {
            assertThatThrownBy(() -> t.changeStatus(s, AVA, after(5))).isInstanceOf(InvalidRequestException.class);
        }
        assertThat(t.status()).isEqualTo(IN_PROGRESS);
    }

    @Nested
    class Escalation {

        @Test
        void needsAReason() {
            Ticket t = aTicketAvaWorksOn();
            assertThatThrownBy(() -> t.escalate(2, "  ", AVA, after(5)))
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("reason"));
            assertThatThrownBy(() -> t.escalate(2, null, AVA, after(5))).isInstanceOf(InvalidRequestException.class);
            assertThat(t.tier()).isEqualTo(1);
            assertThat(t.reassignments()).isZero();
        }

        @Test
        void toTheSameTierIsAConflict() {
            Ticket t = aTicketAvaWorksOn();
            assertThatThrownBy(() -> t.escalate(1, "why not", AVA, after(5)))
                    .isInstanceOf(ConflictException.class).hasMessage("Ticket BP-1001 is already in Tier 1.");
        }

        @Test
        void onlyToTiersOneToThree() {
            Ticket t = aTicketAvaWorksOn();
            assertThatThrownBy(() -> t.escalate(4, "up", AVA, after(5))).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> t.escalate(0, "down", AVA, after(5))).isInstanceOf(InvalidRequestException.class);
        }

        @Test
        void countsAReassignmentAndPutsTheTicketInTheNewTiersQueue() {
            Ticket t = aTicketAvaWorksOn();
            t.escalate(2, "  EMR interface errors  ", AVA, after(5));
            assertThat(t.tier()).isEqualTo(2);
            assertThat(t.reassignments()).isEqualTo(1);
            assertThat(t.assigneeId()).isNull();
            assertThat(t.status()).isEqualTo(TRIAGED);
            Ticket.Entry e = last(t);
            assertThat(e.kind()).isEqualTo(EntryKind.ESCALATED);
            assertThat(e.visibility()).isEqualTo(Visibility.INTERNAL);
            assertThat(e.body()).isEqualTo("EMR interface errors");
            assertThat(e.fromTier()).isEqualTo(1);
            assertThat(e.toTier()).isEqualTo(2);
        }

        @Test
        void downwardsIsADeEscalation() {
            Ticket t = aTicketAvaWorksOn();
            t.escalate(3, "Server side", AVA, after(5));
            t.escalate(2, "Not the server after all", BEN, after(6));
            assertThat(last(t).kind()).isEqualTo(EntryKind.DE_ESCALATED);
            assertThat(t.reassignments()).isEqualTo(2);
        }
    }

    @Nested
    class Assignment {

        @Test
        void takingAnUnassignedTicketIsNotAReassignment() {
            Ticket t = aTicketInTierOneQueue();
            t.assign(AVA, AVA, after(1));
            assertThat(t.reassignments()).isZero();
            assertThat(t.status()).isEqualTo(IN_PROGRESS);
            assertThat(t.assigneeId()).isEqualTo(AVA);
        }

        @Test
        void handingItFromOnePersonToAnotherIsAReassignment() {
            Ticket t = aTicketAvaWorksOn();
            t.assign(BEN, AVA, after(2));
            assertThat(t.reassignments()).isEqualTo(1);
            assertThat(t.assigneeId()).isEqualTo(BEN);
        }

        @Test
        void assigningToTheCurrentAssigneeChangesNothing() {
            Ticket t = aTicketAvaWorksOn();
            int entries = t.newEntries().size();
            t.assign(AVA, AVA, after(2));
            assertThat(t.reassignments()).isZero();
            assertThat(t.newEntries()).hasSize(entries);
        }

        @Test
        void theJourneyOfTheIssuePassesTheTicketOnce() {
            Ticket t = aTicketInTierOneQueue();
            t.assign(AVA, AVA, after(1));
            t.comment("Looking into it.", Visibility.PUBLIC, false, AVA, after(2));
            t.escalate(2, "EMR interface", AVA, after(3));
            t.assign(BEN, BEN, after(4));
            t.resolve("Restarted the interface engine.", BEN, after(30));
            assertThat(t.reassignments()).isEqualTo(1);
        }
    }

    @Nested
    class Replies {

        @Test
        void theFirstPublicStaffReplyIsTheFirstResponse() {
            Ticket t = aTicketAvaWorksOn();
            t.comment("On it.", Visibility.PUBLIC, false, AVA, after(2));
            t.comment("Still on it.", Visibility.PUBLIC, false, AVA, after(5));
            assertThat(t.firstResponseAt()).isEqualTo(after(2));
        }

        @Test
        void internalNotesAreNotAResponse() {
            Ticket t = aTicketAvaWorksOn();
            t.comment("Checking the switch.", Visibility.INTERNAL, false, AVA, after(2));
            assertThat(t.firstResponseAt()).isNull();
            assertThat(last(t).kind()).isEqualTo(EntryKind.NOTE);
            assertThat(last(t).visibility()).isEqualTo(Visibility.INTERNAL);
        }

        @Test
        void requesterRepliesAreNotAResponse() {
            Ticket t = aTicketAvaWorksOn();
            t.comment("Any news?", Visibility.PUBLIC, true, ELLIS, after(2));
            assertThat(t.firstResponseAt()).isNull();
        }

        @Test
        void aResolutionWithoutAnEarlierReplyCountsAsTheFirstResponse() {
            Ticket t = aTicketAvaWorksOn();
            t.resolve("Fixed.", AVA, after(7));
            assertThat(t.firstResponseAt()).isEqualTo(after(7));
        }

        @Test
        void aRequesterReplyToAResolvedTicketReopensIt() {
            Ticket t = aTicketIn(RESOLVED);
            t.comment("It is slow again.", Visibility.PUBLIC, true, ELLIS, after(40));
            assertThat(t.status()).isEqualTo(IN_PROGRESS);
            assertThat(t.resolvedAt()).isNull();
            assertThat(t.newEntries()).extracting(Ticket.Entry::kind).endsWith(EntryKind.REOPENED, EntryKind.REPLY);
        }

        @Test
        void aReopenedTicketWithoutAssigneeGoesBackToTheQueue() {
            Ticket t = aTicketInTierOneQueue();
            t.resolve("Known outage, over now.", AVA, after(5));
            t.reopen("Not over here.", ELLIS, after(6));
            assertThat(t.status()).isEqualTo(TRIAGED);
        }

        @Test
        void aStaffReplyToAResolvedTicketKeepsItResolved() {
            Ticket t = aTicketIn(RESOLVED);
            t.comment("Glad it works.", Visibility.PUBLIC, false, AVA, after(40));
            assertThat(t.status()).isEqualTo(RESOLVED);
        }

        @Test
        void aRequesterReplyEndsTheWaitOnThem() {
            Ticket t = aTicketIn(WAITING_ON_REQUESTER);
            t.comment("Here is the screenshot.", Visibility.PUBLIC, true, ELLIS, after(40));
            assertThat(t.status()).isEqualTo(IN_PROGRESS);
        }

        @Test
        void aResolutionAndAReopeningNeedWords() {
            Ticket t = aTicketAvaWorksOn();
            assertThatThrownBy(() -> t.resolve(" ", AVA, after(5))).isInstanceOf(InvalidRequestException.class);
            t.resolve("Done.", AVA, after(5));
            assertThatThrownBy(() -> t.reopen("", ELLIS, after(6))).isInstanceOf(InvalidRequestException.class);
            assertThat(t.status()).isEqualTo(RESOLVED);
        }
    }

    @Test
    void everyChangeIsWrittenToTheHistoryInOrder() {
        Ticket t = aTicketInTierOneQueue();
        t.assign(AVA, AVA, after(1));
        t.comment("Looking.", Visibility.PUBLIC, false, AVA, after(2));
        t.resolve("Done.", AVA, after(3));
        t.close(after(10_000));
        assertThat(t.newEntries()).extracting(Ticket.Entry::kind).containsExactly(EntryKind.OPENED, EntryKind.TRIAGED,
                EntryKind.ASSIGNED, EntryKind.REPLY, EntryKind.RESOLVED, EntryKind.CLOSED);
        assertThat(t.newEntries()).extracting(Ticket.Entry::at).isSorted();
    }

    private static Ticket.Entry last(Ticket t) {
        return t.newEntries().get(t.newEntries().size() - 1);
    }
}
