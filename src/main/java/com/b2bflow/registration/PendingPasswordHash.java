package com.b2bflow.registration;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The registering user's password hash while it is being computed on a thread of its own, beside the submission's
 * database work: the submission is saved without it and gets it just before the transaction commits (nobody sees it
 * before that), or hands it to the user its process creates in the same transaction, so the deliberately slow hash and the rest of the submission overlap instead of adding up.
 */
public final class PendingPasswordHash {

    private final CompletableFuture<String> hash;

    PendingPasswordHash(CompletableFuture<String> hash) {
        this.hash = hash;
    }

    static PendingPasswordHash of(String hash) {
        return new PendingPasswordHash(CompletableFuture.completedFuture(hash));
    }

    /** Gives {@code target} the hash now if it is ready, otherwise just before the current transaction commits. */
    void writeTo(Consumer<String> target) {
        if (hash.isDone() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            target.accept(join());
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                target.accept(join());
            }
        });
    }

    /** A hash that has not started yet never runs (a failed submission does not need it); a finished one stays. */
    void cancel() {
        hash.cancel(false);
    }

    private String join() {
        try {
            return hash.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        } catch (CancellationException e) {
            throw new IllegalStateException("The password hash of this submission was cancelled", e);
        }
    }
}
