package org.expanderexplorer.core.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.expanderexplorer.core.data.SequenceDataset;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Accuracy and confusion matrix of a classifier on the first {@code limit} examples of a data set, by batched
 * inference (no gradients, no dropout). The classifier's weights go through the fast path ({@link CompiledNetwork})
 * when {@link VectorInference#available()}, otherwise through Deeplearning4j or libnd4j
 * ({@link RecurrentClassifier#referenceOutput}); both give the same predictions. Cost O(examples * T * gates*H *
 * (F + H)) (less for sparse weights on the fast path); memory one batch.
 */
public final class Evaluator {

    /** Default batch size: large batches amortise the per-step overhead of the recurrent loop. */
    public static final int DEFAULT_BATCH = 1000;

    private final RecurrentClassifier model;
    private final CompiledNetwork compiled;
    private final ModelSpec spec;
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
        this(Objects.requireNonNull(model, "model"), null, model.spec(), data, limit, batchSize);
    }

    /** All examples, default batch. */
    public Evaluator(RecurrentClassifier model, SequenceDataset data) {
        this(model, data, Integer.MAX_VALUE, DEFAULT_BATCH);
    }

    /**
     * Evaluates weights already compiled for the fast path (e.g. a pruned variant that exists only as weights).
     *
     * @throws IllegalStateException unless {@link VectorInference#available()}
     */
    public Evaluator(CompiledNetwork network, SequenceDataset data, int limit, int batchSize) {
        this(null, Objects.requireNonNull(network, "network"), network.spec(), data, limit, batchSize);
        if (!VectorInference.available()) {
            throw new IllegalStateException("compiled networks need the vector API: " + VectorInference.describe());
        }
    }

    private Evaluator(RecurrentClassifier model, CompiledNetwork compiled, ModelSpec spec, SequenceDataset data,
                      int limit, int batchSize) {
        this.model = model;
        this.compiled = compiled;
        this.spec = spec;
        this.data = Objects.requireNonNull(data, "data");
        if (limit < 1 || batchSize < 1) {
            throw new IllegalArgumentException("limit and batch size must be >= 1, got " + limit + ", " + batchSize);
        }
        this.limit = limit;
        this.batchSize = batchSize;
        Trainer.checkCompatible(spec, data);
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
        int classes = spec.classes();
        int[][] confusion = new int[classes][classes];
        // Evaluation goes through the examples in their stored order: accuracy does not depend on the order, and a
        // fixed order makes a result reproducible to the last example in a truncated run (--limit).
        int[] order = SequenceBatches.identity(n);
        CompiledNetwork fast = compiled != null ? compiled
                : VectorInference.available() ? CompiledNetwork.of(model.weights()) : null;
        SequenceBatches batcher = fast != null ? null : new SequenceBatches(data, classes);
        int correct = 0;
        for (int from = 0; from < n; from += batchSize) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("evaluation interrupted"); // superseded: stop between batches
            }
            // Batches bound the native memory of one forward pass (batch x steps x hidden floats) while keeping the
            // matrix products large enough for the BLAS to be efficient.
            int to = Math.min(n, from + batchSize);
            int[] predicted = fast != null ? fast.predictions(data, Arrays.copyOfRange(order, from, to))
                    : referencePredictions(batcher, order, from, to);
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

    /** Through Deeplearning4j or libnd4j ({@link RecurrentClassifier#referenceOutput}). */
    private int[] referencePredictions(SequenceBatches batcher, int[] order, int from, int to) {
        INDArray x = batcher.features(order, from, to);
        INDArray out = model.referenceOutput(x);
        int[] predicted = out.argMax(1).toIntVector();
        // free the native buffers now rather than at some later garbage collection
        release(x);
        release(out);
        return predicted;
    }

    private static void release(INDArray a) {
        if (a.closeable()) {
            a.close();
        }
    }
}
