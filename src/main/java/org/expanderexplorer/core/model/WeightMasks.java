package org.expanderexplorer.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Pruning masks for recurrent weight matrices: per (layer, kind) a keep-flag per entry, row-major in the
 * orientation and column-block order of {@link RecurrentWeights#matrix} (rows = inputs or previous hidden
 * units, columns = gates*H pre-activations). {@link #applyTo} zeroes the pruned weights; during fine-tuning the
 * {@link Trainer} re-applies the masks after every parameter update, so pruned weights stay exactly zero (Adam
 * would otherwise revive them through its momentum).
 *
 * <p>Immutable; the arrays passed in are copied.
 */
public final class WeightMasks {

    /** Which matrix a mask belongs to. */
    public record Target(int layer, WeightKind kind) {
        public Target {
            Objects.requireNonNull(kind, "kind");
            if (layer < 0) {
                throw new IllegalArgumentException("negative layer " + layer);
            }
        }
    }

    private static final WeightMasks NONE = new WeightMasks(Map.of());

    private final Map<Target, boolean[]> masks;

    private WeightMasks(Map<Target, boolean[]> masks) {
        this.masks = masks;
    }

    /** No masks at all. */
    public static WeightMasks none() {
        return NONE;
    }

    /** These masks plus (or replacing) one for {@code layer}/{@code kind}; {@code keepRowMajor} is copied. */
    public WeightMasks with(int layer, WeightKind kind, boolean[] keepRowMajor) {
        Objects.requireNonNull(keepRowMajor, "keepRowMajor");
        Map<Target, boolean[]> m = new LinkedHashMap<>(masks);
        m.put(new Target(layer, kind), keepRowMajor.clone());
        return new WeightMasks(Collections.unmodifiableMap(m));
    }

    public boolean isEmpty() {
        return masks.isEmpty();
    }

    /** A copy of the mask of one matrix, if there is one. */
    public Optional<boolean[]> mask(int layer, WeightKind kind) {
        boolean[] m = masks.get(new Target(layer, kind));
        return Optional.ofNullable(m == null ? null : m.clone());
    }

    /** The masks by target: the arrays themselves, for readers in this package that do not modify them. */
    Map<Target, boolean[]> byTarget() {
        return masks;
    }

    /**
     * Sets every pruned weight of {@code model} to zero (in place).
     *
     * @throws IllegalArgumentException if a mask does not fit the model's matrices
     */
    public void applyTo(RecurrentClassifier model) {
        Objects.requireNonNull(model, "model");
        apply(model.network(), toArrays(model));
    }

    /** A training listener that applies the masks after each iteration (after the updater step). */
    TrainingListener enforcer(RecurrentClassifier model) {
        Map<Target, INDArray> arrays = toArrays(model);
        return new BaseTrainingListener() {
            @Override
            public void iterationDone(Model m, int iteration, int epoch) {
                apply((MultiLayerNetwork) m, arrays);
            }
        };
    }

    private static void apply(MultiLayerNetwork net, Map<Target, INDArray> arrays) {
        for (Map.Entry<Target, INDArray> e : arrays.entrySet()) {
            // w * 0 is -0.0 for negative w; adding +0.0 turns it into +0.0 so that pruned entries compare equal to
            // the zeros of WeightMatrix.masked
            Dl4jParams.view(net, Dl4jParams.key(e.getKey().layer(), e.getKey().kind())).muli(e.getValue()).addi(0.0);
        }
    }

    private Map<Target, INDArray> toArrays(RecurrentClassifier model) {
        ModelSpec spec = model.spec();
        Map<Target, INDArray> out = new LinkedHashMap<>();
        for (Map.Entry<Target, boolean[]> e : masks.entrySet()) {
            Target t = e.getKey();
            if (t.layer() >= spec.layers()) {
                throw new IllegalArgumentException("mask for layer " + t.layer() + ", the model has " + spec.layers());
            }
            int rows = t.kind() == WeightKind.INPUT ? spec.layerInputs(t.layer()) : spec.hidden();
            int cols = spec.cell().gates() * spec.hidden();
            boolean[] keep = e.getValue();
            if (keep.length != (long) rows * cols) {
                throw new IllegalArgumentException("mask for layer " + t.layer() + " " + t.kind().id() + " has "
                        + keep.length + " entries, the matrix is " + rows + " x " + cols);
            }
            float[] f = new float[keep.length];
            for (int k = 0; k < keep.length; k++) {
                f[k] = keep[k] ? 1f : 0f;
            }
            INDArray a = Nd4j.create(f, new long[] {rows, cols}, 'c')
                    .castTo(model.network().params().dataType());
            out.put(t, a);
        }
        return out;
    }
}
