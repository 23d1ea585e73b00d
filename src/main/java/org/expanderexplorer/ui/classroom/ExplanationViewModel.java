package org.expanderexplorer.ui.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;

/**
 * The explanation panel's text: definitions of expander, spectral gap, Ramanujan bound and Cheeger constant,
 * each formula in plain text with Unicode math, and the current graph's numbers plugged in. Works for the
 * classroom's graph and for the explorer's layer alike.
 */
public final class ExplanationViewModel {

    /**
     * What is explained.
     *
     * @param graph        its name
     * @param unweighted   analysis, unweighted
     * @param weighted     analysis of |W|
     * @param weightedView the weighted view is on
     */
    public record Explained(String graph, LayerAnalysisResult unweighted, LayerAnalysisResult weighted,
                            boolean weightedView) {
        public Explained {
            Objects.requireNonNull(graph, "graph");
            Objects.requireNonNull(unweighted, "unweighted");
            Objects.requireNonNull(weighted, "weighted");
        }
    }

    /**
     * One block of the panel.
     *
     * @param title      the term
     * @param definition what it means, in words
     * @param formula    the formula
     * @param plugged    the formula with this graph's numbers (lines)
     */
    public record Paragraph(String title, String definition, String formula, List<String> plugged) {
        public Paragraph {
            plugged = List.copyOf(plugged);
        }
    }

    private final ObjectBinding<List<Paragraph>> paragraphs;

    /** @param input what to explain (null: nothing yet) */
    public ExplanationViewModel(ObservableValue<Explained> input) {
        paragraphs = Bindings.createObjectBinding(() -> input.getValue() == null ? List.of()
                : explain(input.getValue()), input);
    }

    public ObjectBinding<List<Paragraph>> paragraphsProperty() {
        return paragraphs;
    }

    /** The paragraphs for one graph. */
    public static List<Paragraph> explain(Explained e) {
        LayerAnalysisResult u = e.unweighted();
        LayerAnalysisResult r = e.weightedView() ? e.weighted() : u;
        List<Paragraph> out = new ArrayList<>();
        out.add(new Paragraph("Expander", "A sparse graph in which every set S of at most half the vertices has "
                + "many edges leaving it, so information spreads fast. Spectrally: the largest singular value μ_0 "
                + "of the biadjacency M stands far above all the others.", "d_L = |E| / |L'|,   d_R = |E| / |R'|",
                List.of(e.graph() + ": |L'| = " + u.left() + ", |R'| = " + u.right() + ", |E| = " + u.edges()
                        + (u.isolatedLeft() + u.isolatedRight() > 0 ? " (" + (u.isolatedLeft() + u.isolatedRight())
                        + " isolated vertices left out)" : ""),
                        "d_L = " + u.edges() + " / " + u.left() + " = " + deg(u.avgDegreeLeft()) + ",   d_R = "
                                + u.edges() + " / " + u.right() + " = " + deg(u.avgDegreeRight()))));
        out.add(new Paragraph("Spectral gap", "The adjacency eigenvalues of a bipartite graph are ±σ_i, the "
                + "singular values of M. μ_0 = σ_1 is the trivial one; μ̂ = σ_2 is the largest non-trivial one. "
                + "A large gap means fast mixing and good expansion.", "gap = μ_0 − μ̂",
                List.of("μ_0 − μ̂ = " + num(r.mu0()) + " − " + num(r.muHat()) + " = " + num(r.weightedGap())
                        + (e.weightedView() ? "   (weights |w|)" : ""))));
        out.add(ramanujan(e, u, r));
        out.add(cheeger(e, r));
        return out;
    }

    private static Paragraph ramanujan(Explained e, LayerAnalysisResult u, LayerAnalysisResult r) {
        List<String> lines = new ArrayList<>();
        if (!e.weightedView()) {
            lines.add(u.deltaR() == null ? "Δ_R is undefined: an average degree is below 1"
                    : "Δ_R = √(" + deg(u.avgDegreeLeft()) + "−1) + √(" + deg(u.avgDegreeRight()) + "−1) − "
                    + num(u.muHat()) + " = " + num(u.deltaR()) + verdict(u.deltaR()));
        }
        lines.add(r.deltaS() == null ? "Δ_S is undefined: μ_0 < 1"
                : "Δ_S = 2√(" + num(r.mu0()) + "−1) − " + num(r.muHat()) + " = " + num(r.deltaS())
                + verdict(r.deltaS()) + (e.weightedView() ? "   (weights |w|)" : ""));
        return new Paragraph("Ramanujan bound", "A (d_L, d_R)-biregular bipartite graph is Ramanujan when "
                + "μ̂ ≤ √(d_L−1) + √(d_R−1): no large graph with these degrees can have a much smaller μ̂ "
                + "(Alon–Boppana). With average degrees the gap Δ_R measures the margin; Δ_S estimates the degree "
                + "by μ_0. Ramanujan while the gap is > 0.",
                "Δ_R = √(d_L−1) + √(d_R−1) − μ̂,   Δ_S = 2√(μ_0−1) − μ̂", lines);
    }

    private static Paragraph cheeger(Explained e, LayerAnalysisResult r) {
        List<String> lines = new ArrayList<>();
        if (r.cheegerExact() != null && !r.cheegerExactSet().isEmpty()) {
            int size = r.cheegerExactSet().size();
            double cut = r.cheegerExact() * size;
            lines.add("h(G) = " + (e.weightedView() ? num(cut) : String.valueOf(Math.round(cut))) + " / " + size
                    + " = " + num(r.cheegerExact()) + "   (an optimal S is drawn in orange)");
        } else {
            lines.add("exact h(G) needs all 2^(n−1) sets: only for graphs of up to 24 vertices; bounds here");
        }
        if (r.fiedler() != null && r.maxDegree() != null) {
            double lam = Math.max(0, r.fiedler());
            lines.add("λ_2/2 = " + num(lam) + "/2 = " + num(lam / 2) + "  ≤  h(G)  ≤  √(2·" + deg(r.maxDegree()) + "·"
                    + num(lam) + ") = " + num(Math.sqrt(2 * r.maxDegree() * lam)));
        }
        if (r.sweepCutRatio() != null) {
            lines.add("sweep cut of the Fiedler vector: ratio " + num(r.sweepCutRatio()) + " ≥ h(G)");
        }
        return new Paragraph("Cheeger constant", "The edge expansion: the fewest edges leaving a set, per vertex of "
                + "the set, over all sets of at most half the vertices. Small h(G) means a bottleneck. The Fiedler "
                + "value λ_2 of the Laplacian L = D − A bounds it from both sides (Cheeger's inequality).",
                "h(G) = min over 0 < |S| ≤ |V|/2 of |E(S, V∖S)| / |S|", lines);
    }

    private static String verdict(Double gap) {
        return gap > 0 ? " > 0: Ramanujan" : " ≤ 0: not Ramanujan";
    }

    /** A degree: an integer when it is one ("3"), else three decimals. */
    static String deg(Double d) {
        if (d == null) {
            return "–";
        }
        return Math.abs(d - Math.rint(d)) < 1e-9 ? String.valueOf((long) Math.rint(d))
                : String.format(Locale.ROOT, "%.3f", d);
    }

    static String num(Double v) {
        return v == null ? "undefined" : String.format(Locale.ROOT, "%.3f", v);
    }
}
