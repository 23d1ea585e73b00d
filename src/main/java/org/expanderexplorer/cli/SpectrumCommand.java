package org.expanderexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.MatrixFiles;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spectrum --matrix FILE [--weighted] [--json]}: the spectral analysis of one bipartite layer graph
 * (singular values, Ramanujan gaps, Fiedler value, Cheeger bounds, sweep cut, exact Cheeger constant on small
 * graphs), as a readable table or one JSON object.
 */
@Command(name = "spectrum", mixinStandardHelpOptions = true,
        description = {"Spectral analysis of the bipartite graph of a matrix (rows = left vertices, columns = right "
                + "vertices): singular values, Ramanujan gaps Delta_S and Delta_R, Fiedler value, Cheeger bounds.",
            "All quantities are on the non-isolated part of the graph; undefined values are null."},
        footer = {"", "Examples:", "  expander-explorer spectrum --matrix heawood.mtx",
            "  expander-explorer spectrum --matrix layer.csv --weighted --json"})
final class SpectrumCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--matrix", required = true, paramLabel = "FILE",
            description = "Weight matrix: .csv (dense, no header) or .mtx (Matrix Market).")
    Path matrix;

    @Option(names = "--weighted", description = "Use |w| as edge weights (default: unweighted, 1 per non-zero).")
    boolean weighted;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--no-vectors", description = "Leave the Fiedler vector out of the JSON.")
    boolean noVectors;

    @Override
    public Integer call() {
        WeightMatrix m = MatrixFiles.read(matrix);
        LayerGraph graph = LayerGraphs.of(m, Representation.of(weighted), matrix);
        LayerAnalysisResult r = new LayerAnalysis(graph).result();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Object value = r;
            if (noVectors) {
                com.fasterxml.jackson.databind.node.ObjectNode node = Json.tree(r);
                node.remove("fiedlerVector");
                value = node;
            }
            out.println(Json.write(value));
        } else {
            out.print(table(matrix, m, r));
        }
        out.flush();
        return 0;
    }

    static String table(Path file, WeightMatrix m, LayerAnalysisResult r) {
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
