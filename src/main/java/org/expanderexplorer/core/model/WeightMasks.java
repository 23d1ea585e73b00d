package org.expanderexplorer.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Pruning masks for recurrent weight matrices: per (layer, kind) a keep-flag per entry, row-major in the
 * orientation and column-block order of {@link RecurrentWeights#matrix} (rows = inputs or previous hidden
 * units, columns = gates*H pre-activations). {@link RecurrentClassifier#applyMasks} zeroes the pruned weights;
 * during fine-tuning the {@link Trainer} re-applies the masks after every parameter update, so pruned weights stay
 * exactly zero (Adam would otherwise revive them through its momentum).
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
}
