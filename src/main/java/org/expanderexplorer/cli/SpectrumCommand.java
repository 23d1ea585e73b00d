package org.expanderexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.MatrixFiles;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.spectral.GapVariants;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.spectral.UnfoldedAnalysis;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.LoadedModel;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spectrum --matrix FILE [--weighted] [--json]}: the spectral analysis of one bipartite layer graph
 * (singular values, Ramanujan gaps, Fiedler value, Cheeger bounds, sweep cut, exact Cheeger constant on small
 * graphs), as a readable table or one JSON object. With {@code --model FILE --graph ID [--keep Q ...]} the graph is
 * a named graph of a model's recurrent layer, optionally pruned, and {@code --unfold STEPS} adds the numbers of its
 * time-unfolded graph ({@link UnfoldedAnalysis}).
 */
@Command(name = "spectrum", mixinStandardHelpOptions = true,
        description = {"Spectral analysis of the bipartite graph of a matrix (rows = left vertices, columns = right "
                + "vertices): singular values, Ramanujan gaps Delta_S and Delta_R, Fiedler value, Cheeger bounds.",
            "All quantities are on the non-isolated part of the graph; undefined values are null."},
        footer = {"", "Examples:", "  expander-explorer spectrum --matrix heawood.mtx",
            "  expander-explorer spectrum --matrix layer.csv --weighted --json",
            "  expander-explorer spectrum --model smnist-lstm128.zip --graph ih.units --keep 30 --unfold 3"})
final class SpectrumCommand extends CliCommand {

    @Option(names = "--matrix", paramLabel = "FILE",
            description = "Weight matrix: .csv (dense, no header) or .mtx (Matrix Market).")
    Path matrix;

    @Option(names = "--model", paramLabel = "FILE", description = "Instead of --matrix: a model (.zip or .npz) and "
            + "one named graph of its recurrent layer (--graph, --layer), optionally pruned (--keep and the pruning "
            + "options).")
    Path model;

    @Option(names = "--graph", paramLabel = "ID", description = "With --model: ih, hh, step, ih.units, hh.units, "
            + "step.units (LSTM) or a gate like ih.f (default: ih.units for an LSTM, ih for an RNN).")
    String graph;

    @Option(names = "--keep", paramLabel = "Q", description = "With --model: prune to Q %% of the edges first "
            + "(default 100: the model as it is).")
    Double keep;

    @Mixin
    PruneOptions prune;

    @Mixin
    UnfoldSteps unfold;

    @Option(names = "--weighted", description = "Use |w| as edge weights (default: unweighted, 1 per non-zero).")
    boolean weighted;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--no-vectors", description = "Leave the Fiedler vector out of the JSON.")
    boolean noVectors;

    @Option(names = "--variants", description = "Also show the gap variants of other implementations, labelled: "
            + "gaps / mu_hat, Delta_R with edge-count degrees (the weighted variant), Delta_R with isolated vertices "
            + "kept in the degrees, and the low-degree flag min(d_L, d_R) < 3 (JSON: gapVariants, at the end).")
    boolean variants;

    @Override
    public Integer call() throws java.io.IOException {
        if ((matrix == null) == (model == null)) {
            throw new BadInputException("give either --matrix FILE or --model FILE");
        }
        if (matrix != null && (graph != null || keep != null || unfold.given())) {
            throw new BadInputException("--graph, --keep and --unfold go with --model (a plain matrix has no W_hh to "
                    + "unfold with)");
        }
        unfold.check();
        WeightMatrix m;
        Path source;
        UnfoldedAnalysis.Result unfolded = null;
        String title;
        if (matrix != null) {
            m = MatrixFiles.read(matrix);
            source = matrix;
            title = matrix.toString();
        } else {
            source = model;
            Subject subject = prune.subject(model, LoadedModel.read(model));
            GraphId id = graph == null ? subject.defaultGraph() : GraphId.parse(graph);
            double q = keep == null ? 100 : keep;
            if (!(q > 0 && q <= 100)) {
                throw new BadInputException("--keep must be in (0, 100], got " + q);
            }
            PruneSettings settings = prune.settings();
            PrunedState state = keep == null ? subject.dense() : subject.prune(q, settings);
            m = subject.matrix(state, id);
            title = String.format(java.util.Locale.ROOT, "%s layer %d, graph %s%s", model, prune.layer, id.id(),
                    keep == null ? "" : String.format(java.util.Locale.ROOT, " at q = %s %% (%s)", PruneCommand.trim(q),
                            prune.describe(settings)));
            if (unfold.given()) {
                if (!SliderAnalysis.unfolds(subject, id)) {
                    throw new BadInputException("--unfold: graph " + id.id() + " stacks the four LSTM gates (4H right "
                            + "vertices, not the H units of the unfolded picture): use " + id.kind().id() + ".units or "
                            + "a gate like " + id.kind().id() + ".f");
                }
                unfolded = SliderAnalysis.unfolded(subject, state, id, unfold.steps, Representation.of(weighted));
            }
        }
        LayerGraph graph = LayerGraphs.of(m, Representation.of(weighted), source);
        LayerAnalysisResult r = new LayerAnalysis(graph).result();
        PrintWriter out = out();
        if (json) {
            com.fasterxml.jackson.databind.node.ObjectNode node = Json.tree(r);
            if (noVectors) {
                node.remove("fiedlerVector");
            }
            if (!variants) {
                node.remove("gapVariants");
            }
            if (unfolded != null) {
                node.set("unfolded", Json.tree(unfolded));
            }
            out.println(Json.write(node));
        } else {
            out.print(table(title, m, r));
            if (variants) {
                out.print(variantsTable(r.gapVariants()));
            }
            if (unfolded != null) {
                out.print(unfoldedTable(unfolded));
            }
        }
        out.flush();
        return 0;
    }

    static String table(String file, WeightMatrix m, LayerAnalysisResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d x %d matrix, %s%n", file, m.rows(), m.cols(),
                r.representation().name().toLowerCase(Locale.ROOT)));
        row(sb, "vertices (left, right)", r.left() + ", " + r.right() + "   (isolated removed: " + r.isolatedLeft()
                + " left, " + r.isolatedRight() + " right)");
        row(sb, "edges", Integer.toString(r.edges()));
        row(sb, "average degree d_L, d_R", num(r.avgDegreeLeft()) + ", " + num(r.avgDegreeRight()));
        row(sb, "degree min, max", num(r.minDegree()) + ", " + num(r.maxDegree()));
        row(sb, "components", Integer.toString(r.components()));
        row(sb, "low degree (avg < 3)", r.lowDegree() ? "yes" : "no");
        row(sb, "singular values", values(r.singularValues()));
        row(sb, "mu_0 (largest)", num(r.mu0()));
        row(sb, "mu_hat (second)", num(r.muHat()));
        row(sb, "Delta_S = 2 sqrt(mu_0-1) - mu_hat", num(r.deltaS()) + "   normalised " + num(r.deltaSNormalized()));
        row(sb, "Delta_R = sqrt(d_L-1)+sqrt(d_R-1) - mu_hat",
                num(r.deltaR()) + "   normalised " + num(r.deltaRNormalized()));
        row(sb, "2 sqrt(d_avg-1) - mu_hat", num(r.deltaAvg()) + "   normalised " + num(r.deltaAvgNormalized()));
        row(sb, "weighted gap mu_0 - mu_hat", num(r.weightedGap()));
        row(sb, "Fiedler value lambda_2", num(r.fiedler()));
        row(sb, "Cheeger lower bound", num(r.cheegerLower()));
        row(sb, "Cheeger upper bound", num(r.cheegerUpper()));
        row(sb, "sweep cut ratio", num(r.sweepCutRatio()) + "   set of " + r.sweepCutSet().size() + ": "
                + abbreviate(r.sweepCutSet()));
        row(sb, "Cheeger constant (exact)", r.cheegerExact() == null
                ? "not computed (more than 24 vertices)" : num(r.cheegerExact()) + "   set: "
                + abbreviate(r.cheegerExactSet()));
        return sb.toString();
    }

    static String unfoldedTable(UnfoldedAnalysis.Result u) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  time-unfolded over %d step(s), as the "
                + "window draws it:%n", u.steps()));
        row(sb, "vertices, edges, components", u.vertices() + ", " + u.edges() + ", " + u.components());
        row(sb, "Fiedler value lambda_2", num(u.fiedler()));
        row(sb, "Cheeger lower, upper bound", num(u.cheegerLower()) + ", " + num(u.cheegerUpper()));
        row(sb, "sweep cut ratio", num(u.sweepCutRatio()) + "   set of " + u.sweepCutSize());
        UnfoldedAnalysis.Layer l = u.layer();
        row(sb, "each step layer (x_t, h_{t-1} -> h_t)", "edges " + l.edges() + ", mu_hat " + num(l.muHat())
                + ", Delta_S " + num(l.deltaS()) + ", Delta_R " + num(l.deltaR())
                + (u.layersEqual() ? "   (equal in all " + u.steps() + ")" : "   (NOT equal across steps)"));
        return sb.toString();
    }

    static String variantsTable(GapVariants v) {
        StringBuilder sb = new StringBuilder("  gap variants of other implementations (labelled; ours above):\n");
        row(sb, "Delta_R / mu_hat", num(v.deltaROverMuHat()));
        row(sb, "Delta_S / mu_hat", num(v.deltaSOverMuHat()));
        row(sb, "Delta_R, edge-count degrees, this mu_hat", num(v.deltaREdgeDegrees()));
        row(sb, "Delta_R, isolated vertices kept", num(v.deltaRIsolatedKept()));
        row(sb, "edge-count d_L, d_R", num(v.avgDegreeLeftEdges()) + ", " + num(v.avgDegreeRightEdges()));
        row(sb, "low degree (min(d_L, d_R) < 3)", v.lowDegreeEitherSide() ? "yes (prior code: no gap)" : "no");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append(String.format(Locale.ROOT, "  %-42s %s%n", name, value));
    }

    static String num(Double v) {
        if (v == null) {
            return "undefined";
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String values(List<Double> vs) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(vs.size(), 8);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : " ").append(num(vs.get(i)));
        }
        if (vs.size() > shown) {
            sb.append(" ... (").append(vs.size()).append(" in all; --json lists them)");
        }
        return vs.isEmpty() ? "none" : sb.toString();
    }

    private static String abbreviate(List<String> labels) {
        if (labels.size() <= 12) {
            return String.join(" ", labels);
        }
        return String.join(" ", labels.subList(0, 12)) + " ...";
    }
}
