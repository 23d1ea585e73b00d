package org.expanderexplorer.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.model.SavedModel;
import org.expanderexplorer.core.pruning.MonitoredGap;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.subject.LoadedModel;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.Subject;
import picocli.CommandLine.Option;

/** The pruning options shared by the commands that prune a model's layer ({@code prune}, {@code sweep}, ...). */
final class PruneOptions {

    @Option(names = "--method", defaultValue = "magnitude",
            description = "magnitude (per matrix, default), global, random, topk (per-vertex top-k), expansion "
                    + "(magnitude keeping every vertex at --min-degree), ramanujan (magnitude, each matrix pruned "
                    + "only while its --gap stays > 0) or balanced (magnitude under per-row and per-column "
                    + "budgets: near-biregular).")
    String method;

    @Option(names = "--gap", defaultValue = "deltaR",
            description = "With --method ramanujan: the gap each pruned matrix (each gate slice with --per-gate) "
                    + "keeps > 0: deltaR (unweighted, default), deltaS (unweighted), weighted-deltaS or "
                    + "weighted-gap (mu_0 - mu_hat of |W|).")
    String gap;

    @Option(names = "--scope", defaultValue = "ih,hh",
            description = "Matrices to prune: ih, hh or ih,hh (default ${DEFAULT-VALUE}).")
    String scope;

    @Option(names = "--per-gate", description = "Prune each LSTM gate block separately (same fraction per gate).")
    boolean perGate;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of random choices (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-degree", defaultValue = "1",
            description = "Smallest degree the expansion method keeps for every vertex (default ${DEFAULT-VALUE}).")
    int minDegree;

    @Option(names = "--layer", defaultValue = "0", description = "Recurrent layer to prune, 0-based (default 0).")
    int layer;

    /** The subject of {@code saved}, read from {@code model}, at the recurrent layer {@code --layer} names. */
    Subject subject(Path model, SavedModel saved) {
        return LoadedModel.of(model, saved, null, model.getFileName().toString(), layer).subject();
    }

    PruneSettings settings() {
        PruningMethod m;
        try {
            m = PruningMethod.parse(method.strip());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--method: " + e.getMessage());
        }
        boolean ih = false;
        boolean hh = false;
        for (String part : scope.split(",")) {
            switch (part.strip().toLowerCase(Locale.ROOT)) {
                case "ih" -> ih = true;
                case "hh" -> hh = true;
                default -> throw new BadInputException("--scope: unknown matrix '" + part.strip()
                        + "' (use ih, hh or ih,hh)");
            }
        }
        if (minDegree < 1) {
            throw new BadInputException("--min-degree must be at least 1, got " + minDegree);
        }
        MonitoredGap g;
        try {
            g = MonitoredGap.parse(gap);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--gap: " + e.getMessage());
        }
        if (g != MonitoredGap.DELTA_R && m != PruningMethod.RAMANUJAN) {
            throw new BadInputException("--gap goes with --method ramanujan");
        }
        return new PruneSettings(m, ih, hh, perGate, seed, minDegree, g);
    }

    /** E.g. {@code magnitude}, {@code expansion (d_min 2)}, with {@code , ih only} and {@code , per gate}. */
    String describe(PruneSettings s) {
        return describe(s, "seed " + s.seed());
    }

    /** As {@link #describe(PruneSettings)}, naming the seed(s) of random choices as {@code seeds} says. */
    String describe(PruneSettings s, String seeds) {
        StringBuilder sb = new StringBuilder(s.method().cliName());
        if (s.method() == PruningMethod.EXPANSION_PRESERVING) {
            sb.append(" (d_min ").append(s.minDegree()).append(')');
        }
        if (s.method() == PruningMethod.RAMANUJAN) {
            sb.append(" (keeps ").append(s.gap().cliName()).append(" > 0)");
        }
        if (s.method() == PruningMethod.RANDOM) {
            sb.append(" (").append(seeds).append(')');
        }
        if (!(s.pruneIh() && s.pruneHh())) {
            sb.append(", ").append(s.scopeId()).append(" only");
        }
        if (s.perGate()) {
            sb.append(", per gate");
        }
        return sb.toString();
    }
}
