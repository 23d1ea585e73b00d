package org.expanderexplorer.ui.classroom;

import java.util.Objects;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.pruning.PruningMask;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.Subject;

/**
 * What the classroom edits: a dense matrix whose non-zero entries are the edges (rows = left vertices), either a
 * teaching graph or one matrix of a recurrent model, in which case its test accuracy follows the edits.
 *
 * @param title       short name
 * @param description a sentence about it
 * @param dense       the unpruned matrix
 * @param model       the model's layer (with its accuracy probe), or null for a teaching graph
 * @param graph       which of the layer's matrices is edited ({@link GraphId#IH} or {@link GraphId#HH}), or null
 */
public record ClassroomSource(String title, String description, WeightMatrix dense, Subject model, GraphId graph) {

    public ClassroomSource {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(dense, "dense");
        if (model != null && graph != GraphId.IH && graph != GraphId.HH) {
            throw new IllegalArgumentException("a model's classroom graph is ih or hh, got " + graph);
        }
    }

    /** A teaching graph. */
    public static ClassroomSource of(GraphChoice choice) {
        return new ClassroomSource(choice.title(), choice.description(), choice.build(), null, null);
    }

    /** One matrix (ih or hh) of a recurrent layer; the other stays dense. */
    public static ClassroomSource ofModel(Subject layer, GraphId graph) {
        Objects.requireNonNull(layer, "layer");
        WeightMatrix m = graph == GraphId.IH ? layer.inputToHidden() : layer.hiddenToHidden();
        String which = graph == GraphId.IH ? "input-to-hidden W_ih" : "hidden-to-hidden W_hh";
        return new ClassroomSource(layer.name() + " " + graph.id(), "The " + which + " of a trained network, "
                + m.rows() + " x " + m.cols() + ": its edges carry real weights, and the test accuracy follows every "
                + "edit.", m, layer, graph);
    }

    /** True when the edges carry weights other than 1 (so magnitude order and the weighted view mean something). */
    public boolean weighted() {
        double[] d = dense.toRowMajor();
        for (double v : d) {
            if (v != 0.0 && Math.abs(v) != 1.0) {
                return true;
            }
        }
        return false;
    }

    /** The mask with every edge kept. */
    public PruningMask fullMask() {
        return PruningMask.nonZerosOf(dense);
    }

    /** Test accuracy in [0, 1] with {@code mask} on the edited matrix, or null without a model. Slow: off the UI. */
    public Double accuracy(PruningMask mask) {
        if (model == null || model.probe() == null) {
            return null;
        }
        PruningMask ih = graph == GraphId.IH ? mask : PruningMask.nonZerosOf(model.inputToHidden());
        PruningMask hh = graph == GraphId.HH ? mask : PruningMask.nonZerosOf(model.hiddenToHidden());
        return model.probe().accuracy(ih, hh, 0);
    }
}
