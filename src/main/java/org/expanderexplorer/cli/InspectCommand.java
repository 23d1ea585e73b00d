package org.expanderexplorer.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.expanderexplorer.core.graph.Gate;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.UnfoldedGraph;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.ModelSpec;
import org.expanderexplorer.core.model.RecurrentWeights;
import org.expanderexplorer.core.model.SavedModel;
import org.expanderexplorer.core.model.WeightKind;
import org.expanderexplorer.core.spectral.UnfoldedAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inspect}: architecture, metadata, parameter counts and every matrix's shape and sparsity. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show a model's architecture, metadata, parameter counts and each weight matrix's shape and "
                + "sparsity (Deeplearning4j zip or PyTorch NPZ).", "With --unfold, also each recurrent layer's "
                + "unfolded graph, unweighted, an LSTM's gates merged onto its units."})
final class InspectCommand extends CliCommand {

    @Mixin
    ModelFile model;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    UnfoldSteps unfold;

    /** One matrix: name, shape, non-zero count; in JSON with its sparsity last. */
    @JsonPropertyOrder({"name", "rows", "cols", "nonZeros", "sparsity"})
    record MatrixInfo(String name, int rows, int cols, long nonZeros) {
        @JsonProperty
        double sparsity() {
            long n = (long) rows * cols;
            return n == 0 ? 0 : 1 - nonZeros / (double) n;
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = out();
        SavedModel saved = model.read();
        ModelSpec s = saved.model().spec();
        RecurrentWeights w = new RecurrentWeights(saved.model());
        List<MatrixInfo> matrices = new ArrayList<>();
        for (int l = 0; l < s.layers(); l++) {
            for (WeightKind k : WeightKind.values()) {
                WeightMatrix m = w.matrix(l, k);
                matrices.add(new MatrixInfo("layer" + l + "." + k.id(), m.rows(), m.cols(), m.nonZeros()));
                if (s.cell() == CellType.LSTM) {
                    for (Gate g : Gate.values()) {
                        WeightMatrix gm = w.gate(l, k, g);
                        matrices.add(new MatrixInfo("layer" + l + "." + k.id() + "." + g.shortName(), gm.rows(),
                                gm.cols(), gm.nonZeros()));
                    }
                }
            }
        }
        unfold.check();
        List<UnfoldedAnalysis.Result> unfolded = new ArrayList<>();
        for (int l = 0; unfold.given() && l < s.layers(); l++) {
            unfolded.add(new UnfoldedAnalysis(new UnfoldedGraph(w.matrix(l, WeightKind.INPUT),
                    w.matrix(l, WeightKind.RECURRENT), unfold.steps, Representation.UNWEIGHTED)).result());
        }
        WeightMatrix fc = w.readout();
        matrices.add(new MatrixInfo("readout", fc.rows(), fc.cols(), fc.nonZeros()));
        long params = saved.model().network().numParams();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model.file.toString());
            m.put("format", saved.format().name());
            // a LinkedHashMap, not Map.of: Map.of's iteration order changes from run to run
            Map<String, Object> architecture = new LinkedHashMap<>();
            architecture.put("cell", s.cell().id());
            architecture.put("inputs", s.inputs());
            architecture.put("hidden", s.hidden());
            architecture.put("layers", s.layers());
            architecture.put("classes", s.classes());
            m.put("architecture", architecture);
            m.put("parameters", params);
            w.blockOrder().ifPresent(o -> m.put("gateBlockOrder", o.toString()));
            m.put("metadata", saved.metadata());
            m.put("matrices", matrices);
            if (unfold.given()) {
                m.put("unfolded", unfolded);
            }
            out.println(Json.write(m));
        } else {
            out.printf(Locale.ROOT, "model:        %s (%s)%n", model.file,
                    saved.format().label());
            out.printf(Locale.ROOT, "architecture: %s%n", s.describe());
            out.printf(Locale.ROOT, "parameters:   %,d%n", params);
            if (s.cell() == CellType.LSTM) {
                out.printf(Locale.ROOT, "gate blocks:  %s (Deeplearning4j column order)%n",
                        w.blockOrder().orElseThrow());
            }
            printMetadata(out, saved);
            out.println("matrices (rows = inputs or previous hidden units, columns = pre-activations or classes):");
            for (MatrixInfo mi : matrices) {
                out.printf(Locale.ROOT, "  %-14s %5d x %-5d %,9d non-zero  sparsity %6.2f %%%n", mi.name(),
                        mi.rows(), mi.cols(), mi.nonZeros(), 100 * mi.sparsity());
            }
            for (int l = 0; l < unfolded.size(); l++) {
                out.printf(Locale.ROOT, "layer %d unfolded (unweighted, gates merged onto the units):%n", l);
                out.print(SpectrumCommand.unfoldedTable(unfolded.get(l)));
            }
        }
        out.flush();
        return 0;
    }

    private static void printMetadata(PrintWriter out, SavedModel saved) {
        var m = saved.metadata();
        if (m.dataset() != null) {
            out.printf(Locale.ROOT, "data set:     %s (%s x %s, T x F)%n", m.dataset(), m.steps(), m.features());
        }
        if (m.epochs() != null) {
            out.printf(Locale.ROOT, "training:     %d epochs, batch %s, lr %s, clip %s, seed %s, %s%n", m.epochs(),
                    m.batchSize(), m.learningRate(), m.gradientClip(), m.seed(),
                    m.trainingSeconds() == null ? "?" : ProgressBar.duration(m.trainingSeconds()));
        }
        if (m.testAccuracy() != null) {
            out.printf(Locale.ROOT, "accuracy:     %.2f %% on %d test examples (measured after training)%n",
                    100 * m.testAccuracy(), m.testExamples());
        }
        out.printf(Locale.ROOT, "created:      %s (%s)%n", m.createdAt(), m.source());
    }
}
