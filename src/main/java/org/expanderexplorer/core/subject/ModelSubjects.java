package org.expanderexplorer.core.subject;

import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.SequenceDatasets;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.Evaluator;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.expanderexplorer.core.model.RecurrentWeights;
import org.expanderexplorer.core.model.WeightKind;
import org.expanderexplorer.core.model.WeightMasks;
import org.expanderexplorer.core.pruning.PruningMask;

/**
 * Builds a {@link Subject} from one recurrent layer of a trained model, with an {@link AccuracyProbe} that
 * evaluates masked copies of the model (the model itself is never changed).
 */
public final class ModelSubjects {

    /** Seed of the fixed test subsets used for live accuracy. */
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
        GateOrder order = model.spec().cell() == CellType.LSTM ? GateOrder.DL4J_LSTM : null;
        AccuracyProbe probe = test == null ? null : new Probe(model, test, layer);
        return Subject.ofLayer(name, w.matrix(layer, WeightKind.INPUT), w.matrix(layer, WeightKind.RECURRENT),
                order, probe);
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

        Probe(RecurrentClassifier model, SequenceDataset test, int layer) {
            this.model = model;
            this.test = test;
            this.layer = layer;
        }

        @Override
        public double accuracy(PruningMask ihMask, PruningMask hhMask, int limit) {
            RecurrentClassifier copy = spares.pollFirst();
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
                WeightMasks masks = WeightMasks.none().with(layer, WeightKind.INPUT, ihMask.toArray());
                if (hhMask != null) {
                    masks = masks.with(layer, WeightKind.RECURRENT, hhMask.toArray());
                }
                masks.applyTo(copy);
                SequenceDataset data = limit <= 0 || limit >= test.size() ? test
                        // The live subset is fixed by SUBSET_SEED and cached per size: successive slider positions are
                        // then measured on the same examples, so a change in accuracy is the pruning's and not the
                        // sample's.
                        : subsets.computeIfAbsent(limit, n -> SequenceDatasets.subset(test, n, SUBSET_SEED));
                return new Evaluator(copy, data).result().accuracy();
            } finally {
                spares.offerFirst(copy);
            }
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
