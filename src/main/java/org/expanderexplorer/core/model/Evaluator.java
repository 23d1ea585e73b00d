package org.expanderexplorer.core.model;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.expanderexplorer.core.data.SequenceDataset;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Accuracy and confusion matrix of a classifier on the first {@code limit} examples of a data set, by batched
 * inference (no gradients, no dropout). Cost O(examples * T * gates*H * (F + H)); memory one batch.
 */
public final class Evaluator {

    /** Default batch size: large batches amortise the per-step overhead of the recurrent loop. */
    public static final int DEFAULT_BATCH = 1000;

    private final RecurrentClassifier model;
    private final SequenceDataset data;
    private final int limit;
    private final int batchSize;
    private EvaluationResult result;

    /**
     * @param model     the classifier (not modified; not to be used by another thread meanwhile)
     * @param data      examples; features must equal the model's inputs
     * @param limit     evaluate at most this many examples (the first ones), at least 1
     * @param batchSize examples per forward pass, at least 1
     */
    public Evaluator(RecurrentClassifier model, SequenceDataset data, int limit, int batchSize) {
        this.model = Objects.requireNonNull(model, "model");
        this.data = Objects.requireNonNull(data, "data");
        if (limit < 1 || batchSize < 1) {
            throw new IllegalArgumentException("limit and batch size must be >= 1, got " + limit + ", " + batchSize);
        }
        this.limit = limit;
        this.batchSize = batchSize;
        Trainer.checkCompatible(model.spec(), data);
    }

    /** All examples, default batch. */
    public Evaluator(RecurrentClassifier model, SequenceDataset data) {
        this(model, data, Integer.MAX_VALUE, DEFAULT_BATCH);
    }

    /** Evaluates (once; later calls return the cached result). */
    public synchronized EvaluationResult result() {
        if (result == null) {
            result = evaluate();
        }
        return result;
    }

    private EvaluationResult evaluate() {
        long t0 = System.nanoTime();
        int n = Math.min(limit, data.size());
        int classes = model.spec().classes();
        int[][] confusion = new int[classes][classes];
        // Evaluation goes through the examples in their stored order: accuracy does not depend on the order, and a
        // fixed order makes a result reproducible to the last example in a truncated run (--limit).
        int[] order = SequenceBatches.identity(n);
        SequenceBatches batcher = new SequenceBatches(data, classes);
        int correct = 0;
        for (int from = 0; from < n; from += batchSize) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("evaluation interrupted"); // superseded: stop between batches
            }
            // Batches bound the native memory of one forward pass (batch x steps x hidden floats) while keeping the
            // matrix products large enough for the BLAS to be efficient.
            int to = Math.min(n, from + batchSize);
            INDArray x = batcher.features(order, from, to);
            INDArray out = model.output(x);
            int[] predicted = out.argMax(1).toIntVector();
            // free the native buffers now rather than at some later garbage collection
            release(x);
            release(out);
            for (int k = 0; k < predicted.length; k++) {
                int truth = data.label(from + k);
                confusion[truth][predicted[k]]++;
                if (truth == predicted[k]) {
                    correct++;
                }
            }
        }
        return new EvaluationResult(data.name(), n, correct, confusion, (System.nanoTime() - t0) / 1e9);
    }

    private static void release(INDArray a) {
        if (a.closeable()) {
            a.close();
        }
    }
}
