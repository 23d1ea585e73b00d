package org.expanderexplorer.core.subject;

import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.SequenceDatasets;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.CompiledNetwork;
import org.expanderexplorer.core.model.EvaluationResult;
import org.expanderexplorer.core.model.Evaluator;
import org.expanderexplorer.core.model.NetworkWeights;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.expanderexplorer.core.model.RecurrentWeights;
import org.expanderexplorer.core.model.VectorInference;
import org.expanderexplorer.core.model.WeightKind;
import org.expanderexplorer.core.model.WeightMasks;
import org.expanderexplorer.core.pruning.PruningMask;

/**
 * Builds a {@link Subject} from one recurrent layer of a trained model, with an {@link AccuracyProbe} that
 * evaluates masked copies of the model (the model itself is never changed).
 */
public final class ModelSubjects {

    /** Seed of the fixed test subsets used for live accuracy. */
    // A fixed seed (a date) rather than a user choice: the live accuracy is a quick preview on a subset, and a
    // fixed subset keeps previews of one model comparable across sessions.
    public static final long SUBSET_SEED = 20240317L;

    private ModelSubjects() {
    }

    /**
     * @param name  shown name (e.g. the file name)
     * @param model the trained model; not modified
     * @param test  held-out data, or null for no accuracy
     * @param layer which recurrent layer (0-based)
     */
    public static Subject of(String name, RecurrentClassifier model, SequenceDataset test, int layer) {
        Objects.requireNonNull(model, "model");
        if (layer < 0 || layer >= model.spec().layers()) {
            throw new BadInputException(name + ": layer " + layer + " does not exist (the model has "
                    + model.spec().layers() + " recurrent layer(s))");
        }
        RecurrentWeights w = new RecurrentWeights(model);
        // the weights come from the DL4J network, so its gate block order names the gate slices
        GateOrder order = model.spec().cell() == CellType.LSTM ? GateOrder.DL4J_LSTM : null;
        AccuracyProbe probe = test == null ? null : new Probe(model, test, layer);
        return Subject.ofLayer(name, w.matrix(layer, WeightKind.INPUT), w.matrix(layer, WeightKind.RECURRENT),
                order, probe);
    }

    /** Heap the fast path's concurrent evaluations of one probe may hold, about. */
    // 256 MiB: a share of a 1 GB heap that leaves most of it to the analysis and the window
    static final long EVALUATION_BUDGET = 256L << 20;

    /** Accuracies an accuracy probe remembers. */
    static final int MEASURED_KEPT = 1024;

    /** Two independent 64-bit digests of each mask, and the examples evaluated. */
    // Two digests with different seeds make a collision (two masks taken for one, giving a wrong accuracy)
    // about 2^-128 likely, where one 64-bit digest would already suffice for any realistic number of masks.
    private record MeasuredKey(long ih1, long ih2, long hh1, long hh2, int examples) {
    }

    /** A 64-bit digest of a mask's contents (SplitMix64's finaliser over its bits, seeded); 0 for no mask. */
    static long digest(boolean[] keep, long seed) {
        if (keep == null) {
            return 0;
        }
        // 0x9E37...: 2^64 divided by the golden ratio, SplitMix64's increment; the length separates masks of different
        // shapes whose bits agree
        long h = seed * 0x9E3779B97F4A7C15L + keep.length;
        long word = 0;
        for (int k = 0; k < keep.length; k++) {
            // the flags are packed 64 to a word, so each mix step digests 64 entries
            word = word << 1 | (keep[k] ? 1 : 0);
            if ((k & 63) == 63 || k == keep.length - 1) {
                h = mix(h ^ mix(word + seed));
                word = 0;
            }
        }
        return h;
    }

    private static long mix(long z) {
        // SplitMix64's finaliser (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
        // constants from Stafford's "Mix13"): every input bit affects every output bit
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Data sets of at least this many examples are evaluated in two halves at once when the value is waited for
     * ({@link AccuracyProbe#accuracyNow}) and the helper thread is free: the full test set's accuracy after a
     * release of the slider (10,000 sequences, 0.6-1.0 s on one core for the sample LSTM) then takes about half the
     * time on two cores.
     */
    static final int HALVES_FROM = 4000;

    /** The second half of an evaluation on a helper thread of its own, when there is a second core and it is free. */
    static final class Halves {
        private static final ExecutorService HELPER = Runtime.getRuntime().availableProcessors() < 2 ? null
                : Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "accuracy-second-half");
                    t.setDaemon(true);
                    return t;
                });
        private static final Semaphore FREE = new Semaphore(1);

        private Halves() {
        }

        /** Whether the helper is there and free (tests: a cancelled evaluation gives it back). */
        static boolean helperFree() {
            if (HELPER == null || !FREE.tryAcquire()) {
                return false;
            }
            FREE.release();
            return true;
        }

        /**
         * The accuracy of {@code net} on all of {@code data}: the second half on the helper if it is free, the
         * first (or everything) on the calling thread.
         *
         * @throws java.util.concurrent.CancellationException when the calling thread is interrupted (the helper's
         *                                                     half is cancelled too)
         */
        static double accuracy(CompiledNetwork net, SequenceDataset data) {
            int n = data.size();
            if (HELPER == null || !FREE.tryAcquire()) {
                return new Evaluator(net, data, Integer.MAX_VALUE, Evaluator.DEFAULT_BATCH).result().accuracy();
            }
            int mid = n / 2;
            Future<EvaluationResult> second;
            try {
                SequenceDataset rest = SequenceDatasets.select(data, SequenceDatasets.range(mid, n), data.name());
                second = HELPER.submit(
                        () -> new Evaluator(net, rest, Integer.MAX_VALUE, Evaluator.DEFAULT_BATCH).result());
            } catch (RuntimeException e) {
                FREE.release();
                throw e;
            }
            try {
                EvaluationResult first = new Evaluator(net, data, mid, Evaluator.DEFAULT_BATCH).result();
                return (first.correct() + second.get().correct()) / (double) n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("evaluation interrupted");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                // superseded or failed on this thread: the helper's half is of no use any more (a cancelled half stops
                // at its next panel; one not started never runs)
                second.cancel(true);
                FREE.release();
            }
        }
    }

    private static final class Probe implements AccuracyProbe {
        private final RecurrentClassifier model;
        private final SequenceDataset test;
        private final int layer;
        private final Map<Integer, SequenceDataset> subsets = new ConcurrentHashMap<>();
        /**
         * Copies of the model to mask and evaluate, reused: one per concurrent call at most. (A fresh copy per call
         * has to be closed to free its native memory, and Deeplearning4j's {@code close()} forces two full garbage
         * collections, 30-80 ms each, which stalled the window while the slider moved.)
         */
        private final Deque<RecurrentClassifier> spares = new ConcurrentLinkedDeque<>();
        private NetworkWeights weights;
        /**
         * Accuracies measured before, by the masks' contents and the number of examples: the curves of another
         * graph of the same pruning, or a slider position visited before, need no new evaluation (the result is a
         * function of the masks). Least recently used first out.
         */
        private final Map<MeasuredKey, Double> measured = Collections.synchronizedMap(
                new LinkedHashMap<>(64, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<MeasuredKey, Double> eldest) {
                        return size() > MEASURED_KEPT;
                    }
                });

        /**
         * Evaluations at once: each holds a compiled copy of the weights (about 8 bytes a parameter with its masks),
         * so a large model gets fewer (one for an LSTM with 2,048 units, 17 M parameters, whose copies would
         * otherwise crowd a 1 GB heap), a small one up to four (the window's workers).
         */
        private final Semaphore evaluating;

        Probe(RecurrentClassifier model, SequenceDataset test, int layer) {
            this.model = model;
            this.test = test;
            this.layer = layer;
            long perCall = 8 * model.spec().parameterCount();
            // fair, so that an evaluation waiting for a slot is not overtaken forever by newer slider positions
            this.evaluating = new Semaphore((int) Math.max(1, Math.min(4, EVALUATION_BUDGET / perCall)), true);
        }

        @Override
        public double accuracy(PruningMask ihMask, PruningMask hhMask, int limit) {
            return accuracy(ihMask, hhMask, limit, false);
        }

        @Override
        public double accuracyNow(PruningMask ihMask, PruningMask hhMask, int limit) {
            return accuracy(ihMask, hhMask, limit, true);
        }

        private double accuracy(PruningMask ihMask, PruningMask hhMask, int limit, boolean waitedFor) {
            boolean[] ih = ihMask.toArray();
            boolean[] hh = hhMask == null ? null : hhMask.toArray();
            // the key holds the examples actually evaluated, so a limit above the test size shares the full set's entry
            int n = limit <= 0 || limit >= test.size() ? test.size() : limit;
            MeasuredKey key = new MeasuredKey(digest(ih, 1), digest(ih, 2), digest(hh, 1), digest(hh, 2), n);
            Double known = measured.get(key);
            if (known != null) {
                return known;
            }
            double a = measure(ih, hh, limit, waitedFor);
            measured.put(key, a);
            return a;
        }

        private double measure(boolean[] ih, boolean[] hh, int limit, boolean waitedFor) {
            WeightMasks masks = WeightMasks.none().with(layer, WeightKind.INPUT, ih);
            if (hh != null) {
                masks = masks.with(layer, WeightKind.RECURRENT, hh);
            }
            SequenceDataset data = limit <= 0 || limit >= test.size() ? test
                    // The live subset is fixed by SUBSET_SEED and cached per size: successive slider positions are
                    // then measured on the same examples, so a change in accuracy is the pruning's and not the
                    // sample's.
                    : subsets.computeIfAbsent(limit, n -> SequenceDatasets.subset(test, n, SUBSET_SEED));
            if (VectorInference.available()) {
                // the fast path compiles the masked weights: no copy of the network, no native call
                evaluating.acquireUninterruptibly();
                try {
                    CompiledNetwork net = CompiledNetwork.of(denseWeights(), masks);
                    // two halves only for a value someone waits for: the curves' lanes already keep the cores busy
                    return waitedFor && data.size() >= HALVES_FROM ? Halves.accuracy(net, data)
                            : new Evaluator(net, data, Integer.MAX_VALUE, Evaluator.DEFAULT_BATCH).result().accuracy();
                } finally {
                    evaluating.release();
                }
            }
            RecurrentClassifier copy = spares.pollFirst();
            // the model's parameters are read under its lock: another thread may be copying from it at the same time
            synchronized (model) {
                if (copy == null) {
                    copy = model.copy();
                } else {
                    copy.copyParametersFrom(model);
                }
            }
            try {
                // Masks are applied to a copy whose parameters were just reset from the model: masking is destructive
                // (the pruned weights become zero), and the next call may prune less.
                copy.applyMasks(masks);
                return new Evaluator(copy, data).result().accuracy();
            } finally {
                // returned to the front, so the copy used last (warm in the caches) is taken next
                spares.offerFirst(copy);
            }
        }

        /** The model's weights, read once (the explored model is not changed). */
        private synchronized NetworkWeights denseWeights() {
            if (weights == null) {
                synchronized (model) {
                    weights = model.weights();
                }
            }
            return weights;
        }

        @Override
        public int testSize() {
            return test.size();
        }

        @Override
        public String dataName() {
            return test.name();
        }
    }
}
