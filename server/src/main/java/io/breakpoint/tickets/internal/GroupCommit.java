package io.breakpoint.tickets.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Writes work of many callers in one transaction: each caller hands its item over and waits; one writer thread takes
 * whatever is waiting (up to {@code maxBatch}), writes it in one transaction and answers every caller after the commit.
 * Under load one commit and one round of batched statements serve many tickets; alone, a ticket waits for nobody
 * (docs/decisions/0026). When a batch fails, its items are written again one by one, so only the item at fault fails,
 * with its own exception.
 */
public final class GroupCommit<T> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Waiting<T>(T item, CompletableFuture<Void> done) {
    }

    private final BlockingQueue<Waiting<T>> queue = new LinkedBlockingQueue<>();
    private final int maxBatch;
    private final TransactionTemplate tx;
    private final Consumer<List<T>> writer;
    private final Thread thread;
    private volatile boolean running = true;

    public GroupCommit(String name, int maxBatch, TransactionTemplate tx, Consumer<List<T>> writer) {
        this.maxBatch = maxBatch;
        this.tx = tx;
        this.writer = writer;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Writes the item with others waiting now; returns after the commit, or throws what writing it alone threw. */
    public void write(T item) {
        if (!running) throw new IllegalStateException("The server is shutting down; try again in a moment.");
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Waiting<>(item, done));
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the ticket was being written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops taking work after what is queued is written. */
    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Whatever is still queued (the writer was stuck or gone) gets an answer rather than waiting for ever.
        List<Waiting<T>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(w -> w.done().completeExceptionally(new IllegalStateException("The server is shutting down; try again in a moment.")));
    }

    private void run() {
        List<Waiting<T>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Waiting<T> first = running ? queue.take() : queue.poll();
                if (first == null) break;
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                if (running) log.warn("{} interrupted; going on", thread.getName());
            } catch (Throwable t) { // the writer must outlive any one batch
                log.error("{}: a batch of {} failed outside its transaction", thread.getName(), batch.size(), t);
                batch.forEach(w -> w.done().completeExceptionally(t));
            } finally {
                batch.clear();
            }
        }
    }

    private void writeBatch(List<Waiting<T>> batch) {
        if (batch.size() > 1) {
            try {
                List<T> items = new ArrayList<>(batch.size());
                batch.forEach(w -> items.add(w.item()));
                tx.executeWithoutResult(s -> writer.accept(items));
                batch.forEach(w -> w.done().complete(null));
                return;
            } catch (RuntimeException | Error failed) {
                log.debug("A batch of {} failed; writing its items one by one", batch.size(), failed);
            }
        }
        for (Waiting<T> w : batch) {
            try {
                tx.executeWithoutResult(s -> writer.accept(List.of(w.item())));
                w.done().complete(null);
            } catch (RuntimeException | Error failed) {
                w.done().completeExceptionally(failed);
            }
        }
    }
}
