package com.b2bflow.security;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes passwords on threads of their own (as many as there are processors), so that a registration checks itself
 * against the existing ones (logon id, organization name) while its password is hashed, instead of one after the
 * other on the request's thread (bench/RESULTS.md, intake at concurrency 1). Rows with unique keys are written only
 * once the hash is there, so that concurrent submissions of the same name wait for their locks no longer than
 * before. Under load the hashes queue here, first come first served.
 */
@Component
public class PasswordHashing implements DisposableBean {

    private final PasswordEncoder encoder;
    private final ExecutorService threads;

    public PasswordHashing(PasswordEncoder encoder) {
        this.encoder = encoder;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread thread = new Thread(r, "password-hashing-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The hash of this password, computed in the background. */
    public CompletableFuture<String> hash(String rawPassword) {
        return CompletableFuture.supplyAsync(() -> encoder.encode(rawPassword), threads);
    }

    /** Waits for a hash started by {@link #hash}. */
    public static String await(CompletableFuture<String> hash) {
        try {
            return hash.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
