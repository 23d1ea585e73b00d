package org.expanderexplorer.ui.classroom;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.expanderexplorer.core.pruning.EdgeOrder;
import org.expanderexplorer.core.pruning.PruningMask;

/**
 * Step mode: removes the next edge (smallest |w|, or a seeded random order) one at a time, by hand or playing at
 * a chosen speed. A playing step waits until the previous step's analysis is on screen, so every step is seen;
 * playing pauses by itself when the graph stops being Ramanujan (optional) and when no edge is left.
 *
 * <p>The view calls {@link #tick(long)} on every animation pulse with the pulse's time; the ViewModel decides
 * whether a step is due, so the timing is testable without a toolkit.
 */
public final class StepViewModel {

    private final ClassroomViewModel vm;
    private final ObjectProperty<EdgeOrder.Kind> order = new SimpleObjectProperty<>(EdgeOrder.Kind.RANDOM);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    private final BooleanProperty pauseWhenLost = new SimpleBooleanProperty(true);
    private EdgeOrder edgeOrder;
    private long lastStep = Long.MIN_VALUE;

    public StepViewModel(ClassroomViewModel vm) {
        this.vm = Objects.requireNonNull(vm, "vm");
        vm.sourceProperty().addListener((o, a, b) -> {
            edgeOrder = null;
            playing.set(false);
            // weighted sources are pruned by magnitude as networks are; 0/1 teaching graphs in random order
            order.set(b != null && b.weighted() ? EdgeOrder.Kind.SMALLEST_MAGNITUDE : EdgeOrder.Kind.RANDOM);
        });
        order.addListener((o, a, b) -> edgeOrder = null);
        seed.addListener((o, a, b) -> edgeOrder = null);
        vm.justLostProperty().addListener((o, a, b) -> {
            if (b && playing.get() && pauseWhenLost.get()) {
                playing.set(false);
                vm.setStatus("Paused: the graph just stopped being Ramanujan. Press Play to go on.");
            }
        });
        playing.addListener((o, a, b) -> lastStep = Long.MIN_VALUE);
    }

    /** Removes the next edge in the chosen order; false when none is left (or nothing is open). */
    public boolean step() {
        ClassroomSource s = vm.sourceProperty().get();
        PruningMask m = vm.maskProperty().get();
        if (s == null || m == null) {
            return false;
        }
        if (edgeOrder == null) {
            edgeOrder = new EdgeOrder(s.dense(), order.get(), seed.get());
        }
        int e = edgeOrder.next(m);
        if (e < 0) {
            vm.setStatus("No edge left to remove.");
            return false;
        }
        int cols = s.dense().cols();
        boolean[] k = m.toArray();
        k[e] = false;
        String how = order.get() == EdgeOrder.Kind.SMALLEST_MAGNITUDE && s.weighted()
                ? " (smallest |w| = " + ClassroomViewModel.fmt(Math.abs(s.dense().get(e / cols, e % cols))) + ")"
                : order.get() == EdgeOrder.Kind.RANDOM ? " (random order, seed " + seed.get() + ")" : "";
        vm.apply(new PruningMask(m.rows(), cols, k), "removed " + ClassroomViewModel.edgeName(e / cols, e % cols)
                + how);
        return true;
    }

    /** Starts or pauses playing. */
    public void togglePlaying() {
        playing.set(!playing.get());
    }

    /**
     * Called on every animation pulse while playing: steps when 1 / speed seconds have passed since the last step
     * and the last step's analysis is on screen; stops when no edge is left.
     *
     * @param nowNanos the pulse's time in nanoseconds (any fixed origin)
     */
    public void tick(long nowNanos) {
        if (!playing.get() || !vm.isCurrent()) {
            return;
        }
        double interval = 1e9 / Math.max(0.05, speed.get());
        if (lastStep != Long.MIN_VALUE && nowNanos - lastStep < interval) {
            return;
        }
        lastStep = nowNanos;
        if (!step()) {
            playing.set(false);
        }
    }

    /** Which edge goes next. */
    public ObjectProperty<EdgeOrder.Kind> orderProperty() {
        return order;
    }

    /** Seed of the random order. */
    public IntegerProperty seedProperty() {
        return seed;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Steps per second while playing. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** Pause playing when the graph stops being Ramanujan. */
    public BooleanProperty pauseWhenLostProperty() {
        return pauseWhenLost;
    }
}
