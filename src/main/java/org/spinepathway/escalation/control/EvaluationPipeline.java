package org.spinepathway.escalation.control;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reading and evaluating side by side: one thread reads the next batches while the caller's thread
 * runs the rules on (and writes the flags of) the batch before, so the database's reading and the
 * server's work overlap instead of taking turns. At most {@code depth} batches wait between them,
 * which bounds the memory. A reading failure ends the run with that failure; a failure of the
 * caller's work stops the reading before it is passed on.
 */
public final class EvaluationPipeline {

    /** The batches to evaluate, in order; an empty batch is the end. */
    public interface Source<T> extends AutoCloseable {
        List<T> next() throws Exception;
    }

    /**
     * Opens the source on the reading thread. A container enlists the connections a thread holds in
     * the transactions that thread begins; the reader's connection, opened on its own thread, stays
     * out of the caller's transactions (whose commits would otherwise end the reader's cursors).
     */
    @FunctionalInterface
    public interface Opener<T> {
        Source<T> open() throws Exception;
    }

    private EvaluationPipeline() {
    }

    /**
     * Hands every batch of the source, opened and read (and closed) on {@code executor}, to {@code work} on the caller's thread.
     *
     * @throws PipelineException when reading failed (its cause is the reading's failure)
     */
    public static <T> void run(Opener<T> opener, ExecutorService executor, int depth, Consumer<List<T>> work) throws InterruptedException {
        BlockingQueue<List<T>> ready = new ArrayBlockingQueue<>(depth);
        CountDownLatch readerEnded = new CountDownLatch(1);
        // 0: the reader has not started, 1: it reads, 2: it ended or must not start.
        AtomicInteger reader = new AtomicInteger();
        Future<?> reading = executor.submit(() -> {
            if (!reader.compareAndSet(0, 1)) {
                return null;
            }
            try (Source<T> source = opener.open()) {
                for (List<T> batch = source.next(); !batch.isEmpty(); batch = source.next()) {
                    ready.put(batch);
                }
                return null;
            } finally {
                reader.set(2);
                readerEnded.countDown();
            }
        });
        boolean finished = false;
        try {
            while (true) {
                List<T> batch = ready.poll(20, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    work.accept(batch);
                } else if (reading.isDone() && ready.isEmpty()) {
                    break;
                }
            }
            reading.get();
            finished = true;
        } catch (ExecutionException readingFailed) {
            finished = true;
            throw new PipelineException(readingFailed.getCause());
        } finally {
            if (!finished) {
                // The work failed (or this thread was interrupted): stop the reader, and let it end before the caller closes what it reads.
                boolean neverStarted = reader.compareAndSet(0, 2);
                reading.cancel(true);
                if (!neverStarted) {
                    readerEnded.await(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Reading the batches failed. */
    public static final class PipelineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PipelineException(Throwable cause) {
            super("reading the episodes failed: " + cause.getMessage(), cause);
        }
    }
}
