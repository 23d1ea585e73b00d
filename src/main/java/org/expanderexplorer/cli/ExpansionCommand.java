package org.expanderexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.drawing.SpreadAnalysis;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.Spread;
import org.expanderexplorer.core.graph.UnfoldedGraph;
import org.expanderexplorer.core.graph.UnfoldedVertex;
import org.expanderexplorer.core.graph.VertexSets;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.WorstSet;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code expansion}: how far a set of inputs (or hidden units) reaches through the time-unfolded graph of a pruned
 * layer, step by step ({@link Spread}): |N_t(S)|, the ratio per step, and the step at which every hidden unit is
 * reached, or that it never is.
 */
@Command(name = "expansion", mixinStandardHelpOptions = true,
        description = {"Print how far a set S reaches through the time-unfolded graph: the hidden units reached at "
            + "each step t (|N_t(S)|, x_1 -> h_1 through W_ih, h_{t-1} -> h_t through W_hh; an LSTM through its unit "
            + "graphs, an edge where any gate keeps a weight), the ratio per step (reached / fed into the step), and "
            + "the first step at which all hidden units are reached, or 'never' when pruning cut the spread.",
            "Sets: x:0,1,2 are inputs x_1 (a matrix's rows), h:5-9 hidden units h_0 entering step 1, x3:0 or h2:4 at "
                + "another step; several groups joined by ';'. 'worst' is the set of the smallest edge expansion of "
                + "--graph (exact by enumeration up to 24 vertices, else the sweep cut of the Fiedler vector)."},
        footer = {"", "Examples:", "  expander-explorer expansion --model m.zip --keep 20 --set x:0,1,2 --steps 5",
            "  expander-explorer expansion --model m.zip --graph hh.f --keep 10 --set 'h:0-3;x:7' --json",
            "  expander-explorer expansion --model m.zip --graph ih --keep 10 --set worst",
            "  expander-explorer expansion --matrix heawood.mtx --set x:0"})
final class ExpansionCommand extends CliCommand {

    /** Most steps followed: the reach is settled past them anyway (see {@link Spread}). */
    static final int MAX_STEPS = 10_000;

    @Mixin
    LayerSource source;

    @Option(names = "--graph", paramLabel = "NAME", description = "Which graph: ih, hh, step (the spread always uses "
            + "both matrices of a layer), a gate of them (ih.f: that gate's slices), or their .units; it also names "
            + "the layer of --set worst. Default: ih.units for an LSTM, ih for an RNN, matrix for --matrix.")
    String graph;

    @Option(names = "--set", required = true, paramLabel = "SET",
            description = "The start set S: x:0,1,2, h:5-9, 'x:0;h:3', x2:4, or worst. Repeat to join sets.")
    List<String> set;

    @Option(names = "--steps", paramLabel = "T", description = "Steps T to list (default "
            + UnfoldedGraph.DEFAULT_WINDOW + ", the window's; 1 for --matrix). The step at which all units are "
            + "reached is searched past T.")
    Integer steps;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Mixin
    PruneOptions prune;

    @Override
    public Integer call() {
        source.checkKeep();
        if (steps != null && (steps < 1 || steps > MAX_STEPS)) {
            throw new BadInputException("--steps must be 1 .. " + MAX_STEPS + ", got " + steps);
        }
        Path file = source.file();
        Subject subject = source.subject(prune);
        GraphId id = graph == null ? subject.defaultGraph() : GraphId.parse(graph);
        int t = steps != null ? steps : subject.isLayer() ? UnfoldedGraph.DEFAULT_WINDOW : 1;
        PruneSettings settings = prune.settings();
        PrunedState state = source.state(subject, prune);
        WeightMatrix layer = subject.matrix(state, id);
        WorstSet worst = null;
        List<UnfoldedVertex> start = new ArrayList<>();
        for (String s : set) {
            if (s.strip().equalsIgnoreCase("worst")) {
                worst = WorstSet.of(new LayerAnalysis(LayerGraphs.of(layer, Representation.UNWEIGHTED, file))
                        .result());
                start.addAll(SpreadAnalysis.startOf(subject, id, worst.labels()));
            } else {
                start.addAll(VertexSets.parse(s, SpreadAnalysis.inputs(subject),
                        subject.isLayer() ? SpreadAnalysis.hidden(subject) : 0, t));
            }
        }
        Spread.Result r;
        try {
            r = SpreadAnalysis.of(subject, state, id, start, t).result();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
        String title = String.format(Locale.ROOT, "%s%s, graph %s, q = %s %%%s", file,
                subject.isLayer() ? " layer " + prune.layer : "", id.id(), PruneCommand.trim(source.keep),
                source.keep == 100 ? "" : " (" + prune.describe(settings) + ")");
        PrintWriter out = out();
        if (json) {
            out.println(Json.write(json(title, id, start, r, worst)));
        } else {
            out.print(table(title, start, r, worst));
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> json(String title, GraphId id, List<UnfoldedVertex> start, Spread.Result r,
                                     WorstSet worst) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", title);
        o.put("graph", id.id());
        o.put("keepPercent", source.keep);
        o.put("steps", r.steps().size());
        o.put("hidden", r.hidden());
        o.put("set", start.stream().map(UnfoldedVertex::toString).toList());
        o.put("setSize", r.startSize());
        List<ObjectNode> reach = new ArrayList<>();
        for (Spread.Step s : r.steps()) {
            // the step record's components in their order (step, count, units, fed, ratio), then its growth
            reach.add(Json.tree(s).put("growth", r.growth(s.step())));
        }
        o.put("reach", reach);
        o.put("allReachedAtStep", r.fullStep());
        o.put("never", r.never());
        o.put("settled", r.settled());
        o.put("searchedSteps", r.searched());
        if (worst != null) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("method", worst.exact() ? "exact" : "sweepCut");
            w.put("ratio", worst.ratio());
            w.put("cut", worst.cut());
            w.put("labels", worst.labels());
            w.put("cheegerLower", worst.lower());
            w.put("cheegerUpper", worst.upper());
            o.put("worstSet", w);
        }
        return o;
    }

    static String table(String title, List<UnfoldedVertex> start, Spread.Result r, WorstSet worst) {
        StringBuilder b = new StringBuilder();
        b.append(title).append('\n');
        if (worst != null) {
            b.append(String.format(Locale.ROOT, "worst set (%s): %d vertices, %s, cut %s, ratio %s; Cheeger bounds "
                    + "%s <= h <= %s%n", worst.method(), worst.labels().size(), firstLabels(worst.labels()),
                    num(worst.cut()), num(worst.ratio()), num(worst.lower()), num(worst.upper())));
        }
        b.append(String.format(Locale.ROOT, "S = %s (%d vertices)%n", describe(start), r.startSize()));
        b.append(String.format(Locale.ROOT, "%5s %8s %8s %8s %8s%n", "step", "fed", "reached", "ratio", "/ |S|"));
        for (Spread.Step s : r.steps()) {
            b.append(String.format(Locale.ROOT, "%5d %8d %8d %8s %8s%n", s.step(), s.fed(), s.count(),
                    num(s.ratio()), num(r.growth(s.step()))));
        }
        b.append("fed: the vertices spreading into the step (S's inputs at t and the units reached at t-1); ratio = "
                + "reached / fed\n");
        if (r.fullStep() != null) {
            b.append(String.format(Locale.ROOT, "all %d hidden units reached at step %d%s%n", r.hidden(),
                    r.fullStep(), r.fullStep() > r.steps().size() ? " (past the steps listed)" : ""));
        } else if (r.never()) {
            b.append(String.format(Locale.ROOT, "all %d hidden units reached: never (the reach repeats a set without "
                    + "them; followed to step %d)%n", r.hidden(), r.searched()));
        } else {
            b.append(String.format(Locale.ROOT, "all %d hidden units reached: not by step %d (search stopped)%n",
                    r.hidden(), r.searched()));
        }
        return b.toString();
    }

    private static String firstLabels(List<String> labels) {
        int shown = Math.min(24, labels.size());
        String s = String.join(" ", labels.subList(0, shown));
        return shown < labels.size() ? s + " ... (--json lists all)" : s;
    }

    /** The set as groups like {@code x1[0-2] h0[5]}. */
    static String describe(List<UnfoldedVertex> start) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (UnfoldedVertex v : start) {
            String key = (v.role() == UnfoldedVertex.Role.X ? "x" : "h") + v.step();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(v.unit());
        }
        List<String> parts = new ArrayList<>();
        groups.forEach((k, units) -> parts.add(k + "[" + VertexSets.ranges(units.stream().sorted().mapToInt(
                Integer::intValue).toArray()) + "]"));
        return parts.isEmpty() ? "{}" : String.join(" ", parts);
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
