package org.expanderexplorer.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a model's weights were laid out in the file it came from, kept so that an export gives the user back what
 * their own code loads: the key names (the recurrent module's prefix, such as {@code encoder.}, and the head's, such
 * as {@code head.}), the keys' order and element types, whether the layers had biases, and the two recurrent biases
 * as they were (Deeplearning4j keeps only their sum).
 *
 * @param recurrentPrefix prefix of the recurrent keys, e.g. {@code encoder.} or {@code rnn.} (may be empty)
 * @param headPrefix      prefix of the head's keys, e.g. {@code head.} (may be empty)
 * @param recurrentBias   whether the recurrent layers have {@code bias_ih}/{@code bias_hh} (nn.LSTM(bias=True))
 * @param headBias        whether the head has a bias
 * @param types           every key of the state_dict in the file's order, with its element type; copied
 * @param biases          the recurrent biases as read ({@code bias_ih_l0}, {@code bias_hh_l0}, ... under their full
 *                        keys, in PyTorch's layout); copied, may be empty
 * @param note            what the reader changed on the way in (e.g. float16 converted to float32), or null
 */
public record StateDictLayout(String recurrentPrefix, String headPrefix, boolean recurrentBias, boolean headBias,
                              Map<String, NpyArray.Type> types, Map<String, NpyArray> biases, String note) {

    public StateDictLayout {
        Objects.requireNonNull(recurrentPrefix, "recurrentPrefix");
        Objects.requireNonNull(headPrefix, "headPrefix");
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        biases = Collections.unmodifiableMap(new LinkedHashMap<>(biases));
    }

    /**
     * The layout this program has always written: {@code rnn.*} and {@code fc.*}, float32, with biases, for a model
     * that was not read from a state_dict (trained here, or a Deeplearning4j zip).
     */
    public static StateDictLayout standard(ModelSpec spec) {
        Map<String, NpyArray.Type> types = new LinkedHashMap<>();
        for (int l = 0; l < spec.layers(); l++) {
            for (String k : List.of("weight_ih_l", "weight_hh_l", "bias_ih_l", "bias_hh_l")) {
                types.put("rnn." + k + l, NpyArray.Type.FLOAT32);
            }
        }
        types.put("fc.weight", NpyArray.Type.FLOAT32);
        types.put("fc.bias", NpyArray.Type.FLOAT32);
        return new StateDictLayout("rnn.", "fc.", true, true, types, Map.of(), null);
    }

    /**
     * {@code name + "."} as a key prefix when that is a short dotted identifier (the names a file gives a module or a
     * layer become state_dict keys an export writes), else {@code fallback}.
     */
    static String prefixOf(String name, String fallback) {
        String p = name + ".";
        return p.matches("[A-Za-z0-9_.]{1,80}") ? p : fallback;
    }

    /** The key of a recurrent weight matrix: {@code <prefix>weight_ih_l0}, {@code <prefix>weight_hh_l1}, ... */
    public String weightKey(int layer, WeightKind kind) {
        return recurrentPrefix + "weight_" + kind.id() + "_l" + layer;
    }

    /** The key of a recurrent bias: {@code <prefix>bias_ih_l0} ({@code ih} true) or {@code <prefix>bias_hh_l0}. */
    public String biasKey(int layer, boolean ih) {
        return recurrentPrefix + "bias_" + (ih ? "ih" : "hh") + "_l" + layer;
    }

    /** The head's weight key, e.g. {@code head.weight}. */
    public String headWeightKey() {
        return headPrefix + "weight";
    }

    /** The head's bias key, e.g. {@code head.bias}. */
    public String headBiasKey() {
        return headPrefix + "bias";
    }

    /** The keys in the file's order. */
    public List<String> keys() {
        return new ArrayList<>(types.keySet());
    }

    /** The element type of {@code key} in the file (float32 for a key this layout does not know). */
    public NpyArray.Type type(String key) {
        return types.getOrDefault(key, NpyArray.Type.FLOAT32);
    }
}
