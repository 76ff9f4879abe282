package io.breakpoint.common;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a transaction gathers for one piece of work done once at its end: the first item registers the work with the
 * transaction, later ones join it, and the work gets them all at once, either just before the commit (to write them
 * in the same transaction with one statement) or after it (to hand them to another thread). Intake writes many
 * tickets in one transaction, and a listener acting per ticket would cost a statement or a task each
 * (docs/decisions/0026). Outside a transaction the work gets each item alone, at once. A rolled-back transaction's
 * items are dropped with it.
 */
public final class TransactionBatch<T> {

    public enum When { BEFORE_COMMIT, AFTER_COMMIT }

    private final When when;
    private final Consumer<List<T>> work;

    public TransactionBatch(When when, Consumer<List<T>> work) {
        this.when = when;
        this.work = work;
    }

    public void add(T item) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.accept(List.of(item));
            return;
        }
        @SuppressWarnings("unchecked")
        List<T> items = (List<T>) TransactionSynchronizationManager.getResource(this);
        if (items == null) {
            List<T> gathered = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, gathered);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (when == When.BEFORE_COMMIT) handOver(gathered);
                }

                @Override
                public void afterCommit() {
                    if (when == When.AFTER_COMMIT) handOver(gathered);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBatch.this);
                }
            });
            items = gathered;
        }
        items.add(item);
    }

    private void handOver(List<T> gathered) {
        if (gathered.isEmpty()) return;
        List<T> all = List.copyOf(gathered);
        gathered.clear();
        work.accept(all);
    }
}
