package org.expanderexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.expanderexplorer.core.report.Charts;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.ui.chart.ChartPanel;
import org.expanderexplorer.ui.classroom.ClassroomMode;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.task.FxExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.jfree.chart.JFreeChart;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at the sizes of common screens and projectors (1024 x 768, 1280 x 720, 1920 x 1080, 3840 x 2160) and
 * at each presentation scale (100, 150, 200 %), in the explorer (the classroom model digits8-rnn12 on its data)
 * and in classroom mode (the Heawood graph with the explanation panel open), the themes taking turns: checks from
 * the scene graph that every chart's plot and the graph keep at least {@link #MIN_PLOT} pixels each way
 * and lie inside the window (each chart's tab is selected in turn where the charts are in tabs), that every value
 * of the numbers strip lies inside the window at its full width (not cut), and that the status line lies inside
 * it. Writes the screenshots of the README (target/screenshots/layout).
 */
@ExtendWith(ApplicationExtension.class)
@ResourceLock("javafx-toolkit") // TestFX shares one toolkit launch and primary stage between window tests
class WindowLayoutTest {

    // largest first: Monocle's headless painter reuses a window's pixel buffer and fails when the window grows
    static final int[][] SIZES = {{3840, 2160}, {1920, 1080}, {1280, 720}, {1024, 768}};
    static final double[] SCALES = {1, 1.5, 2};
    /** The readable minimum of a plot, each way (the window's own constant is {@code PanelsLayout.MIN_PLOT}). */
    static final double MIN_PLOT = 150;

    private MainWindow window;
    private ExplorerViewModel vm;
    private ClassroomMode classroom;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        window = ExplorerApp.createWindow(s, new FxExecutor(ExplorerApp.WORKERS));
        vm = window.viewModel();
        classroom = window.classroom();
        s.setX(0);
        s.setY(0);
        s.setWidth(SIZES[0][0]);
        s.setHeight(SIZES[0][1]);
        s.show();
        window.openSample("digits8-rnn12.zip");
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    private void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(() -> vm.snapshotProperty().get() != null
                && vm.finishedCurveProperty().get() != null && vm.denseAccuracyProperty().get() != null
                && !vm.isBusy() && (!classroom.activeProperty().get()
                || classroom.view().viewModel().isCurrent())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<ChartPanel> charts() {
        return classroom.activeProperty().get() ? classroom.view().panels() : window.panels();
    }

    private Node graphCanvas() {
        return classroom.activeProperty().get() ? classroom.view().graph().canvas() : window.graphView().canvas();
    }

    @Test
    void everyPanelKeepsItsMinimumAtEverySizeAndScale(FxRobot robot) throws Exception {
        awaitIdle();
        // pruned, so that the charts show curves, crossings and the stopping rule
        robot.interact(() -> vm.keepPercentProperty().set(30));
        awaitIdle();
        List<String> checked = new ArrayList<>();
        int turn = 0;
        for (int[] size : SIZES) {
            for (boolean classroomMode : new boolean[] {false, true}) {
                for (double scale : SCALES) {
                    String theme = new String[] {"light", "dark", "contrast"}[turn++ % 3];
                    robot.interact(() -> {
                        classroom.activeProperty().set(classroomMode);
                        classroom.explanationShownProperty().set(classroomMode);
                        classroom.scaleProperty().set(scale);
                        window.setDark(theme.equals("dark"));
                        classroom.contrastProperty().set(theme.equals("contrast"));
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                    });
                    awaitIdle();
                    String where = (classroomMode ? "classroom" : "explorer") + " at " + size[0] + " x " + size[1]
                            + ", " + Math.round(scale * 100) + " %, " + theme;
                    check(robot, where, size[0], size[1], new FigureStyle(theme.equals("dark"), scale,
                            theme.equals("contrast")));
                    checked.add(where);
                    screenshot(robot, classroomMode, size, scale);
                }
            }
        }
        assertThat(checked).hasSize(2 * SIZES.length * SCALES.length);
    }

    /** The data area of {@code spec} drawn at {@code width} x {@code height}, in the figure's coordinates. */
    private static Rectangle2D dataArea(FigureSpec spec, FigureStyle style, int width, int height) {
        return Charts.dataArea(Charts.build(spec, style), width, height);
    }

    private void check(FxRobot robot, String where, int width, int height, FigureStyle style) throws Exception {
        Bounds windowBounds = new BoundingBox(0, 0, width, height);
        assertThat(fx(() -> window.scene().getWidth())).as(where + ": scene width").isEqualTo(width);
        for (int i = 0; i < charts().size(); i++) {
            ChartPanel chart = charts().get(i);
            show(robot, chart);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !chart.isRendering()));
            // where the plot lands when the panel's figure is drawn at the panel's size, worked out here with
            // JFreeChart itself
            Bounds plot = fx(() -> {
                Rectangle2D a = dataArea(chart.shownSpec(), style, (int) Math.floor(chart.getWidth()),
                        (int) Math.floor(chart.getHeight()));
                return chart.localToScene(new BoundingBox(a.getX(), a.getY(), a.getWidth(), a.getHeight()));
            });
            String what = where + ": chart " + i + " plot " + plot;
            assertThat(fx(() -> treeVisible(chart))).as(what + " shown").isTrue();
            assertThat(windowBounds.contains(plot)).as(what + " inside the window").isTrue();
            assertThat(plot.getWidth()).as(what + " width").isGreaterThanOrEqualTo(MIN_PLOT);
            assertThat(plot.getHeight()).as(what + " height").isGreaterThanOrEqualTo(MIN_PLOT);
        }
        Node canvas = graphCanvas();
        show(robot, canvas);
        Bounds graph = fx(() -> canvas.localToScene(canvas.getLayoutBounds()));
        assertThat(fx(() -> treeVisible(canvas))).as(where + ": graph shown").isTrue();
        assertThat(windowBounds.contains(graph)).as(where + ": graph " + graph + " inside the window").isTrue();
        assertThat(graph.getWidth()).as(where + ": graph width").isGreaterThanOrEqualTo(MIN_PLOT);
        assertThat(graph.getHeight()).as(where + ": graph height").isGreaterThanOrEqualTo(MIN_PLOT);
        // the numbers strip: every value inside the window and as wide as its text (not cut to "...")
        List<Label> values = fx(() -> labels(window.scene().getRoot(), StyleClasses.METRIC_VALUE));
        assertThat(values).as(where + ": numbers").hasSizeGreaterThanOrEqualTo(12);
        for (Label v : values) {
            Bounds b = fx(() -> v.localToScene(v.getLayoutBounds()));
            assertThat(windowBounds.contains(b)).as(where + ": value " + v.getText() + " at " + b).isTrue();
            assertThat(fx(() -> v.getWidth() >= v.prefWidth(-1) - 0.5)).as(where + ": value " + v.getText()
                    + " shown whole").isTrue();
        }
        // the status bar (a ControlsFX StatusBar in the explorer, a label in the classroom)
        List<javafx.scene.layout.Region> status = fx(() -> window.scene().getRoot()
                .lookupAll("." + StyleClasses.STATUS_TEXT).stream().filter(n -> n instanceof javafx.scene.layout.Region
                        && treeVisible(n)).map(n -> (javafx.scene.layout.Region) n).toList());
        assertThat(status).as(where + ": status line").hasSize(1);
        Bounds s = fx(() -> status.get(0).localToScene(status.get(0).getLayoutBounds()));
        assertThat(windowBounds.contains(s)).as(where + ": status line at " + s).isTrue();
        assertThat(fx(() -> status.get(0).getHeight() >= status.get(0).prefHeight(-1) - 0.5)).as(where
                + ": status line full height").isTrue();
    }

    /** Selects the tab holding {@code node}, if it is in one, and waits for the layout. */
    private static void show(FxRobot robot, Node node) throws Exception {
        robot.interact(() -> {
            for (Node n = node; n != null; n = n.getParent()) {
                if (n instanceof TabPane tp) {
                    for (Tab t : tp.getTabs()) {
                        if (t.getContent() != null && isAncestor(t.getContent(), node)) {
                            tp.getSelectionModel().select(t);
                        }
                    }
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean isAncestor(Node ancestor, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static List<Label> labels(Parent root, String styleClass) {
        List<Label> out = new ArrayList<>();
        for (Node n : root.lookupAll("." + styleClass)) {
            if (n instanceof Label l && treeVisible(l)) {
                out.add(l);
            }
        }
        return out;
    }

    private void screenshot(FxRobot robot, boolean classroomMode, int[] size, double scale) throws Exception {
        boolean wanted = classroomMode ? scale == 2 && size[0] <= 1280 : scale == 1 && size[0] == 1280;
        if (!wanted) {
            return;
        }
        Path dir = Files.createDirectories(Path.of("target", "screenshots", "layout"));
        // the README's pictures in the light theme (the check above took its turn of themes)
        robot.interact(() -> {
            window.setDark(false);
            classroom.contrastProperty().set(false);
        });
        // the first panels again, as the window shows them at first (the check selected the last tabs)
        show(robot, charts().get(1));
        show(robot, charts().get(0));
        awaitIdle();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> charts().stream()
                .allMatch(c -> !treeVisible(c) || !c.isRendering())));
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = window.scene().snapshot(null));
        BufferedImage bi = SwingFXUtils.fromFXImage(img[0], null);
        String name = (classroomMode ? "classroom-200-" : "explorer-") + size[0] + "x" + size[1] + ".png";
        ImageIO.write(bi, "png", dir.resolve(name).toFile());
        assertThat(bi.getWidth()).isEqualTo(size[0]);
    }
}
