package com.b2bflow.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The raw rate of the configured password encoder (Spring Security's delegating encoder, bcrypt at its default
 * cost, exactly what {@code SecurityConfiguration} ships) on a given number of threads.
 */
final class HashBaseline {

    static final String PASSWORD = "correct horse battery";
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    /** The encoded form, e.g. {@code {bcrypt}$2a$10$...}: tells the algorithm and cost. */
    String sample() {
        return encoder.encode(PASSWORD);
    }

    /** The bcrypt cost factor of the configured encoder (from a hash it produces). */
    int cost() {
        String hash = sample();
        int dollar = hash.indexOf('$', hash.indexOf('$') + 1);
        return Integer.parseInt(hash.substring(dollar + 1, dollar + 3));
    }

    void warmUp(int hashes) {
        for (int i = 0; i < hashes; i++) {
            encoder.encode(PASSWORD);
        }
    }

    /**
     * Hashes per second on {@code threads} threads, each hashing until {@code seconds} have passed, on the cores
     * {@code cpus} (a taskset list; null: wherever).
     */
    double rate(int threads, double seconds, String cpus) throws InterruptedException {
        AtomicLong hashes = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        long[] deadline = new long[1];
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            try {
                                if (cpus != null) {
                                    Affinity.pinCurrentThread(cpus);
                                }
                            } catch (RuntimeException e) {
                                failure.compareAndSet(null, e);
                            } finally {
                                ready.countDown();
                            }
                            go.await();
                            while (System.nanoTime() < deadline[0]) {
                                encoder.encode(PASSWORD);
                                hashes.incrementAndGet();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            done.countDown();
                        }
                    },
                    "bench-hash-" + t);
            thread.start();
        }
        ready.await();
        if (failure.get() != null) {
            deadline[0] = System.nanoTime();
            go.countDown();
            throw failure.get();
        }
        long start = System.nanoTime();
        deadline[0] = start + (long) (seconds * 1e9);
        go.countDown();
        done.await();
        return hashes.get() / ((System.nanoTime() - start) / 1e9);
    }
}
