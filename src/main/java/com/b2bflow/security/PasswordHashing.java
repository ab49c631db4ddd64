package com.b2bflow.security;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes passwords on threads of their own (as many as there are processors), so that a registration writes its
 * other rows while its password is hashed. A registration used to hash (about 80 ms of bcrypt) and then spend its
 * database round trips and the process start on the same thread, one after the other: one request at a time kept
 * one core busy and left the other idle (bench/RESULTS.md, intake at concurrency 1). Under load the hashes queue
 * here, first come first served, instead of competing with the request threads.
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
