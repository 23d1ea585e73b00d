package org.expanderexplorer.ui.explorer;

import java.awt.image.BufferedImage;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.expanderexplorer.core.drawing.MatrixRenderer;
import org.expanderexplorer.core.drawing.MatrixView;
import org.expanderexplorer.core.drawing.Snapshot;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.task.LatestWins;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The matrix panel: the selected graph's biadjacency as a heat map of kept, pruned and isolated cells
 * ({@link MatrixView}), optionally in Fiedler order, aggregated past the panel's pixel size; recomputed off the UI
 * thread with every slider step.
 */
public final class MatrixViewModel {

    /** The heat map and its picture, one pixel per cell (the view scales it up without smoothing). */
    public record Picture(MatrixView.Result view, BufferedImage image) {
    }

    private record Work(Snapshot snapshot, boolean fiedler, boolean dark, int maxRows, int maxCols) {
    }

    private final ExplorerViewModel explorer;
    private final BooleanProperty fiedlerOrder = new SimpleBooleanProperty(true);
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Picture> picture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final LatestWins<Work, Picture> work;
    private int maxRows = 400;
    private int maxCols = 400;

    public MatrixViewModel(ExplorerViewModel explorer, UiExecutor executor) {
        this.explorer = Objects.requireNonNull(explorer, "explorer");
        this.work = new LatestWins<>(executor, MatrixViewModel::compute, (w, p) -> {
            picture.set(p);
            caption.set(p.view().caption());
        }, e -> caption.set("matrix view: " + e.getMessage()));
        explorer.snapshotProperty().addListener((o, a, b) -> refresh());
        fiedlerOrder.addListener((o, a, b) -> refresh());
        dark.addListener((o, a, b) -> refresh());
    }

    private static Picture compute(Work w) {
        Snapshot s = w.snapshot();
        Subject subject = s.request().subject();
        WeightMatrix pruned = subject.matrix(s.state(), s.request().graph());
        WeightMatrix dense = subject.matrix(subject.dense(), s.request().graph());
        MatrixView.Result r = MatrixView.of(pruned, dense, w.fiedler() ? s.shown().fiedlerVector() : null,
                w.maxRows(), w.maxCols());
        return new Picture(r, MatrixRenderer.render(r, w.dark()));
    }

    /** The panel's size in pixels: the resolution past which cells are aggregated. */
    public void setResolution(int rows, int cols) {
        int r = Math.max(16, rows);
        int c = Math.max(16, cols);
        if (r != maxRows || c != maxCols) {
            maxRows = r;
            maxCols = c;
            refresh();
        }
    }

    private void refresh() {
        Snapshot s = explorer.snapshotProperty().get();
        if (s != null) {
            work.request(new Work(s, fiedlerOrder.get(), dark.get(), maxRows, maxCols));
        }
    }

    /** The legend: the colour (as {@code #rrggbb}) of kept, pruned and isolated cells, in that order. */
    public static java.util.List<String> legendColours() {
        return java.util.stream.Stream.of(MatrixRenderer.KEPT, MatrixRenderer.PRUNED, MatrixRenderer.ISOLATED)
                .map(c -> String.format("#%06x", c.getRGB() & 0xffffff)).toList();
    }

    /** Rows and columns in the order of the Fiedler vector (else the original order). */
    public BooleanProperty fiedlerOrderProperty() {
        return fiedlerOrder;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public ReadOnlyObjectProperty<Picture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
