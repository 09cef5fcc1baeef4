package org.spinepathway.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EvaluationPipelineTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
    }

    /** Batches 1..n of three numbers each, then the end. */
    private static EvaluationPipeline.Opener<Integer> batches(int n, AtomicInteger read) {
        return source(() -> {
            int b = read.incrementAndGet();
            return b > n ? List.of() : List.of(3 * b - 2, 3 * b - 1, 3 * b);
        }, new AtomicBoolean());
    }

    @FunctionalInterface
    private interface Next {
        List<Integer> next() throws Exception;
    }

    /** A source reading with {@code next} that notes when it is closed. */
    private static EvaluationPipeline.Opener<Integer> source(Next next, AtomicBoolean closed) {
        return () -> new EvaluationPipeline.Source<>() {
            @Override
            public List<Integer> next() throws Exception {
                return next.next();
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }

    @Test
    void everyBatch_reachesTheWork_inOrder_onTheCallersThread_whileTheSourceIsReadOnAnother() throws Exception {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Thread caller = Thread.currentThread();
        AtomicBoolean elsewhere = new AtomicBoolean();
        AtomicBoolean openedHere = new AtomicBoolean(true);
        AtomicInteger read = new AtomicInteger();
        EvaluationPipeline.Opener<Integer> counting = batches(200, read);
        EvaluationPipeline.run(() -> {
            openedHere.set(Thread.currentThread() == caller);
            return counting.open();
        }, executor, 2, batch -> {
            elsewhere.compareAndSet(false, Thread.currentThread() != caller);
            seen.addAll(batch);
        });
        assertEquals(600, seen.size());
        for (int i = 0; i < 600; i++) {
            assertEquals(i + 1, seen.get(i));
        }
        assertFalse(elsewhere.get(), "the work runs where the caller's transaction and identity are");
        assertFalse(openedHere.get(), "the source is opened on the reading thread, out of the caller's transactions");
    }

    @Test
    void nothingToRead_endsAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        EvaluationPipeline.run(batches(0, new AtomicInteger()), executor, 2, batch -> calls.incrementAndGet());
        assertEquals(0, calls.get());
    }

    @Test
    void aReadingFailure_endsTheRunWithThatFailure_afterTheBatchesReadBefore() {
        SQLException lost = new SQLException("connection lost");
        AtomicInteger read = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        EvaluationPipeline.PipelineException failed = assertThrows(EvaluationPipeline.PipelineException.class,
                () -> EvaluationPipeline.run(source(() -> {
                    if (read.incrementAndGet() > 3) {
                        throw lost;
                    }
                    return List.of(read.get());
                }, closed), executor, 2, seen::addAll));
        assertSame(lost, failed.getCause());
        assertEquals(List.of(1, 2, 3), seen);
        assertTrue(closed.get(), "the source is closed on the reader's way out");
    }

    @Test
    void aFailureOfTheWork_stopsTheReader_beforeItIsPassedOn() throws Exception {
        AtomicInteger read = new AtomicInteger();
        IllegalStateException broken = new IllegalStateException("writing failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> EvaluationPipeline.run(batches(1_000_000, read), executor, 2,
                batch -> {
                    if (batch.get(0) > 30) {
                        throw broken;
                    }
                }));
        assertSame(broken, thrown);
        int readWhenStopped = read.get();
        assertTrue(readWhenStopped < 20, "the reader stops, at most a queue ahead: " + readWhenStopped);
        Thread.sleep(100);
        assertEquals(readWhenStopped, read.get(), "nothing read after the failure was passed on");
    }
}
