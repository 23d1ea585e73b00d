package org.expanderexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.DataSelection;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.SequenceDatasets;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.experiment.SeedList;
import org.expanderexplorer.core.experiment.Shard;
import org.expanderexplorer.core.graph.Gate;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.io.Provenance;
import org.expanderexplorer.core.io.RunFolder;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.Nd4jThreads;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.expanderexplorer.core.model.SavedModel;
import org.expanderexplorer.core.model.VectorInference;
import org.expanderexplorer.core.model.TrainingConfig;
import org.expanderexplorer.core.pruning.PruningSchedule;
import org.expanderexplorer.core.report.SweepReport;
import org.expanderexplorer.core.spectral.AnalysisOptions;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.LoadedModel;
import org.expanderexplorer.core.subject.ModelSubjects;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.PrunedModelExport;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.sweep.ModelFineTuner;
import org.expanderexplorer.core.sweep.Rewinding;
import org.expanderexplorer.core.sweep.SweepConfig;
import org.expanderexplorer.core.sweep.SweepPoint;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.core.sweep.SweepRunner;
import org.expanderexplorer.core.sweep.ZeroCrossing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sweep}: accuracy and the Ramanujan gaps of every monitored graph against q, written as sweep.csv,
 * sweep.json and the paper's figures.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, subcommands = SweepMergeCommand.class,
        customSynopsis = {"expander-explorer sweep --model=<model> --data=<data> --out=<out>",
            "        (--grid=<q>,... | --geometric=<ratio> [--min=<min>]) [OPTIONS]",
            "   or: expander-explorer sweep merge --out=<out> SHARD..."},
        description = {"Prune a model at each q of a grid (one-shot, or iterative with optional fine-tuning), measure "
            + "the test accuracy and the gaps of every monitored graph, and write sweep.csv, sweep.json and "
            + "figures/*.png|svg (the paper's figure per graph and representation) into --out.",
            "Progress goes to stderr; the crossings and the stopping rule to stdout.",
            "With --seeds, once per seed, with the spread over the seeds (docs/reproduction.md); with --shard K/N, one "
            + "shard of that work, joined by 'sweep merge'."})
final class SweepCommand extends CliCommand {

    // --model, --data and --out are required, but checked in call(): picocli would demand a parent's required
    // options also when the subcommand 'sweep merge' runs, which takes none of them
    @Option(names = "--model", description = LoadedModel.FILE_HELP + " Required; with --seeds it may hold {seed}, "
            + "replaced by each seed (one model trained per seed).")
    Path model;

    @Option(names = "--data", description = "Data set, required: " + Datasets.SPEC_HELP + ".")
    String data;

    @Option(names = "--grid", split = ",", description = "q values, e.g. 100,80,60,40,20,10,5.")
    List<Double> grid;

    @Option(names = "--geometric", description = "Geometric grid 100, 100 r, 100 r^2, ... (e.g. 0.8).")
    Double ratio;

    @Option(names = "--min", description = "Smallest q of the geometric grid (default 2).")
    Double min;

    @Mixin
    PruneOptions prune;

    @Option(names = "--iterative", description = "Prune each q within the previous q's mask.")
    boolean iterative;

    @Option(names = "--finetune", description = "Fine-tune this many epochs between rounds (needs --iterative).")
    Integer finetune;

    @Option(names = "--rewind", paramLabel = "TARGET", description = "Lottery-ticket rewinding (needs --finetune): "
            + "each round prunes by the latest trained weights, resets the kept weights to TARGET and retrains "
            + "--finetune epochs: init (the model's initialisation, rebuilt from its recorded seed) or epoch:K "
            + "(after K epochs of its recorded training recipe). Default: fine-tune and continue. See "
            + "docs/decisions/0022.")
    String rewind;

    @Option(names = "--finetune-limit", description = "Fine-tune on a seeded random subset of this many training "
            + "examples (default: the whole training split).")
    Integer finetuneLimit;

    @Option(names = "--finetune-lr", description = "Fine-tuning learning rate (default: the model's, else 0.001).")
    Double finetuneLr;

    @Option(names = "--finetune-batch", defaultValue = "" + TrainingConfig.DEFAULT_BATCH,
            description = "Fine-tuning mini-batch size (default ${DEFAULT-VALUE}).")
    int finetuneBatch;

    @Option(names = "--limit", defaultValue = "0", description = "Measure accuracy on a fixed seeded subset of N "
            + "test examples (default 0: the full test set); -1 for no accuracy.")
    int limit;

    @Option(names = "--graphs", split = ",", description = "Monitored graphs: ih, hh, step, units (an LSTM's unit "
            + "graphs ih.units, hh.units, step.units), gates (every gate of ih, hh and step), or one graph like ih.f "
            + "(default: ih,hh,step, plus units and gates for an LSTM).")
    List<String> graphs;

    @Mixin
    FigureFormats figureOptions;

    @Option(names = "--export", split = ",", description = "Also export the pruned model at these grid q values "
            + "into --out/models (zip, npz with masks, json).")
    List<Double> export;

    @Option(names = "--threads", defaultValue = "1", description = "Threads ND4J computes with in evaluation and "
            + "fine-tuning (default ${DEFAULT-VALUE}; see docs/decisions/0009 and 0011).")
    int threads;

    @Mixin
    NoiseOptions noise;

    @Option(names = "--seeds", paramLabel = "LIST", description = "Run once per seed (1,2,3 or 1-5); each seed drives "
            + "the pruning, the fine-tuning and the noise (unless --noise-seed is given). Writes seeds/seed-S.csv, "
            + "summary.csv, crossings.csv, sweep.json and figures with the mean and a min-max band.")
    String seeds;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only shard K of N of the --seeds work (units: "
            + "one (seed, q) each for one-shot pruning, one seed each for iterative) and write it to --out for "
            + "'sweep merge'.")
    String shard;

    @Option(names = "--out", description = "Folder to write (created if missing), required.")
    Path out;

    /** The run's folder while it runs: every output goes to its staging folder and moves into --out at the end. */
    private RunFolder staging;

    @Override
    public Integer call() throws IOException {
        requireOptions();
        if (seeds != null || shard != null) {
            return seedRun().call();
        }
        PrintWriter stdout = out();
        PrintWriter stderr = err();
        Plan plan = plan();
        PruneSettings settings = plan.settings();
        PruningSchedule schedule = plan.schedule();
        if (export != null) {
            for (double q : export) {
                if (!schedule.keepPercents().contains(q)) {
                    throw new BadInputException("--export " + q + " is not a q of the grid "
                            + schedule.keepPercents());
                }
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw BadInputException.inFile(out, "exists and is not a folder");
        }
        // process-wide: the recurrent layers' skinny matrix products gain little from a second thread, and an
        // OpenBLAS or OpenMP thread that waits for a busy core spins (measured: 5-8x slower on a loaded 2-core
        // machine)
        Nd4jThreads.set(threads);
        VectorInference.warmUpInBackground(); // compiles the inference kernels while the model and data load
        SavedModel saved = LoadedModel.read(model);
        RecurrentClassifier net = saved.model();
        DataSelection selection = noise.data(data, settings.seed());
        SequenceDataset test = limit < 0 ? null : selection.load(Split.TEST);
        String name = stem(model);
        Subject subject = LoadedModel.of(model, saved, test, name, prune.layer).subject();
        List<GraphId> monitored = graphs(net.spec().cell());
        SweepConfig config = new SweepConfig(schedule, settings, monitored,
                Set.of(Representation.UNWEIGHTED, Representation.WEIGHTED), limit,
                AnalysisOptions.DEFAULT.withExact(AnalysisOptions.Exact.NEVER));
        ModelFineTuner tuner = finetune == null ? null : fineTuner(saved, selection, test, stderr, name,
                settings.seed());
        try (RunFolder folder = RunFolder.begin(out)) {
            staging = folder;
            String title = title(name, test == null ? selection.spec().toString() : test.name(), settings);
            stderr.printf(Locale.ROOT, "sweep: %s, %d grid points, %d graph(s), accuracy on %s%n", title,
                    schedule.keepPercents().size(), monitored.size(), accuracyData(test, limit));
            Provenance provenance = provenance(test, settings, tuner).withNoise(selection.recorded());
            long t0 = System.nanoTime();
            List<Path> exported = new ArrayList<>();
            SweepResult result = new SweepRunner(subject, config, tuner).run(
                    p -> progress(stderr, p, schedule.keepPercents().size(), monitored),
                    (state, s) -> exportAt(state, tuner == null ? net : tuner.latest(), saved, provenance, exported,
                            test == null ? PruneCommand.steps(saved) : test.steps()),
                    () -> Thread.currentThread().isInterrupted());
            double sweepSeconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> run = runInfo(saved, test, settings, tuner, provenance, sweepSeconds);
            List<Path> figures;
            try {
                figures = SweepReport.write(staging.staging(), result, new SweepReport.RunInfo(title, run),
                        plan.formats(), plan.scale());
            } catch (java.nio.file.FileSystemException e) {
                throw staging.named(e);
            }
            staging.commit();
            List<Path> exportedFinal = exported.stream().map(staging::finalPath).toList();
            double totalSeconds = (System.nanoTime() - t0) / 1e9;
            report(stdout, result, monitored, sweepSeconds, totalSeconds, figures.size(), exportedFinal);
        }
        return 0;
    }

    /** The options every sweep reads first, parsed and checked. */
    private record Plan(PruneSettings settings, PruningSchedule schedule, List<String> formats, double scale) {
    }

    /** Parses and checks the options a single sweep and a run over seeds share, in the order they report errors. */
    private Plan plan() {
        PruneSettings settings = prune.settings();
        PruningSchedule schedule = schedule();
        List<String> formats = figureOptions.parsed();
        double scale = figureOptions.scale();
        checkOptions();
        return new Plan(settings, schedule, formats, scale);
    }

    /** The run over seeds (or of a shard) with these options, checked. */
    private SeedSweepRun seedRun() {
        Plan plan = plan();
        PruneSettings settings = plan.settings();
        if (export != null) {
            throw new BadInputException("--export takes one model; it does not go with --seeds or --shard");
        }
        SeedList list = seeds == null ? new SeedList(List.of(settings.seed())) : SeedList.parse(seeds);
        String fineTuning = finetune == null ? null : String.format(Locale.ROOT, "%d epoch(s) per round on the "
                + "training split%s, batch %d, lr %s, seeded by the run's seed + round", finetune,
                finetuneLimit == null ? "" : " (a subset of " + finetuneLimit + " drawn with the run's seed)",
                finetuneBatch, finetuneLr == null ? "the model's (else 0.001)" : finetuneLr.toString())
                + (rewind == null ? "" : ", rewound to " + rewind + " before each round's retraining");
        return new SeedSweepRun(new SeedSweepRun.Options(out(), err(),
                model, data, noise, settings, prune.layer, plan.schedule(), list, shard == null ? null : Shard.parse(shard),
                limit, threads, plan.formats(), plan.scale(), out, this::graphs, fineTuning,
                finetune == null ? null : this::fineTuner,
                (name, testName, seedText) -> title(name, testName, settings, seedText)));
    }

    /** The message and exit code picocli gives for missing required options. */
    private void requireOptions() {
        List<String> missing = new ArrayList<>();
        if (model == null) {
            missing.add("'--model=<model>'");
        }
        if (data == null) {
            missing.add("'--data=<data>'");
        }
        if (out == null) {
            missing.add("'--out=<out>'");
        }
        if (!missing.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option"
                    + (missing.size() > 1 ? "s: " : ": ") + String.join(", ", missing));
        }
    }

    /** The title of the run's figures, e.g. {@code smnist-lstm128 on mnist-test, one-shot magnitude}. */
    String title(String name, String testName, PruneSettings settings) {
        return title(name, testName, settings, "seed " + settings.seed());
    }

    /** The title, naming the seed(s) of random choices as {@code seedText} says. */
    String title(String name, String testName, PruneSettings settings, String seedText) {
        return String.format(Locale.ROOT, "%s on %s, %s %s%s", name, testName, iterative ? "iterative" : "one-shot",
                prune.describe(settings, seedText), finetune == null ? "" : ", fine-tuned " + finetune + " ep/round");
    }

    /** The checks of the options shared by a single and a multi-seed sweep. */
    void checkOptions() {
        if (finetune != null && !iterative) {
            throw new BadInputException("--finetune needs --iterative (fine-tuning happens between rounds)");
        }
        if (rewind != null && finetune == null) {
            throw new BadInputException("--rewind needs --finetune N (the epochs of retraining per round)");
        }
        if (finetune != null && (finetune < 1 || finetuneBatch < 1)) {
            throw new BadInputException("--finetune and --finetune-batch must be at least 1");
        }
        if (threads < 1 || threads > 64) {
            throw new BadInputException("--threads must be 1 .. 64, got " + threads);
        }
        if (limit < -1) {
            throw new BadInputException("--limit must be -1 (no accuracy), 0 (full test set) or positive");
        }
    }

    PruningSchedule schedule() {
        if ((grid == null) == (ratio == null)) {
            throw new BadInputException("give either --grid q1,q2,... or --geometric r [--min q]");
        }
        if (grid != null) {
            if (min != null) {
                throw new BadInputException("--min goes with --geometric, not with --grid");
            }
            if (grid.isEmpty()) {
                throw new BadInputException("--grid is empty");
            }
            List<Double> sorted = new ArrayList<>(new LinkedHashSet<>(grid));
            if (sorted.size() != grid.size()) {
                throw new BadInputException("--grid repeats a q value: " + grid);
            }
            sorted.sort((a, b) -> Double.compare(b, a));
            return new PruningSchedule(sorted, iterative);
        }
        return PruningSchedule.geometric(ratio, min == null ? 2.0 : min, iterative);
    }

    List<GraphId> graphs(CellType cell) {
        List<String> tokens = graphs != null ? graphs
                : cell == CellType.LSTM ? List.of("ih", "hh", "step", "units", "gates") : List.of("ih", "hh", "step");
        Set<GraphId> ids = new LinkedHashSet<>();
        for (String t : tokens) {
            String s = t.strip().toLowerCase(Locale.ROOT);
            if (s.equals(GraphId.UNITS)) {
                if (cell != CellType.LSTM) {
                    throw new BadInputException("--graphs units: a vanilla RNN has no gates to merge (its ih, hh and "
                            + "step graphs are already unit graphs)");
                }
                ids.addAll(List.of(GraphId.IH_UNITS, GraphId.HH_UNITS, GraphId.STEP_UNITS));
            } else if (s.equals("gates")) {
                if (cell != CellType.LSTM) {
                    throw new BadInputException("--graphs gates: a vanilla RNN has no gates");
                }
                for (GraphId.Kind k : List.of(GraphId.Kind.IH, GraphId.Kind.HH, GraphId.Kind.STEP)) {
                    for (Gate g : Gate.values()) {
                        ids.add(new GraphId(k, g));
                    }
                }
            } else {
                GraphId id = GraphId.parse(s);
                if (id.kind() == GraphId.Kind.MATRIX) {
                    throw new BadInputException("--graphs: 'matrix' is for a plain matrix; use ih, hh, step or gates");
                }
                if (id.units() && cell != CellType.LSTM) {
                    throw new BadInputException("--graphs " + s + ": a vanilla RNN has no gates to merge");
                }
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    ModelFineTuner fineTuner(SavedModel saved, DataSelection selection, SequenceDataset test, PrintWriter stderr,
                             String name, long seed) {
        SequenceDataset train = selection.load(Split.TRAIN);
        if (finetuneLimit != null) {
            if (finetuneLimit < 1) {
                throw new BadInputException("--finetune-limit must be at least 1");
            }
            train = SequenceDatasets.subset(train, finetuneLimit, seed);
        }
        double lr = finetuneLr != null ? finetuneLr
                : saved.metadata().learningRate() != null ? saved.metadata().learningRate() : 1e-3;
        if (!(lr > 0 && lr < 10)) {
            throw new BadInputException("--finetune-lr must be in (0, 10), got " + lr);
        }
        Rewinding.Target target = null;
        if (rewind != null) {
            int epoch = Rewinding.parseEpoch(rewind);
            if (prune.layer != 0 && epoch > 0) {
                stderr.println("note: rewinding resets every layer, not only layer " + prune.layer);
            }
            stderr.printf(Locale.ROOT, "rewinding target: %s%n", epoch == 0 ? "rebuilding the initialisation"
                    : "training " + epoch + " epoch(s) of the recorded recipe");
            target = Rewinding.of(saved, epoch, new ProgressBar(stderr, System.console() != null, 30),
                    () -> Thread.currentThread().isInterrupted());
        }
        return new ModelFineTuner(name, saved.model(), prune.layer, train, test,
                new TrainingConfig(finetune, finetuneBatch, lr, seed),
                new ProgressBar(stderr, System.console() != null, 30), target);
    }

    private void exportAt(PrunedState state, RecurrentClassifier net, SavedModel saved, Provenance provenance,
                          List<Path> exported, int steps) {
        if (export == null || !export.contains(state.keepPercent())) {
            return;
        }
        try {
            Path dir = Files.createDirectories(staging.staging().resolve("models"));
            String base = stem(model) + "-q" + PruneCommand.trim(state.keepPercent());
            PrunedModelExport e = new PrunedModelExport(net, prune.layer, state);
            Path zip = dir.resolve(base + ".zip");
            Path npz = dir.resolve(base + ".npz");
            e.writeZip(zip, saved.metadata(), e.how(model.getFileName().toString()) + ", "
                    + (iterative ? "iterative" : "one-shot") + " sweep"
                    + (finetune == null ? "" : ", fine-tuned " + finetune + " epoch(s) per round"));
            e.writeNpz(npz);
            Path json = dir.resolve(base + ".json");
            PrunedModelExport.writeSummary(json, e.summary().withFiles(zip, Files.size(zip), npz, Files.size(npz))
                    .withSpeed(e.measureSpeed(steps)), e.provenance(provenance));
            exported.add(zip);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** The run's provenance: the model hashed once, the data, the method and every seed that chose anything. */
    private Provenance provenance(SequenceDataset test, PruneSettings settings, ModelFineTuner tuner) {
        Provenance p = Provenance.now().withModelFile(model).withDataSet(test == null ? null : test.name())
                .withPruning(settings.method().cliName(), null).withSeed("pruning", settings.seed());
        if (test != null && limit > 0 && limit < test.size()) {
            p = p.withSeed("accuracySubset", ModelSubjects.SUBSET_SEED);
        }
        return tuner == null ? p : p.withSeed("fineTuning", settings.seed());
    }

    /**
     * The run keys of sweep.json. The flat keys are those of layout 1 (kept for readers of older files); the ones
     * that say where the run came from are taken from the provenance record, which follows them whole.
     */
    private Map<String, Object> runInfo(SavedModel saved, SequenceDataset test, PruneSettings settings,
                                        ModelFineTuner tuner, Provenance provenance, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", provenance.model());
        m.put("modelSha256", provenance.modelSha256());
        m.put("architecture", saved.model().spec().describe());
        m.put("layer", prune.layer);
        m.put("data", data);
        m.put("testData", test == null ? null : test.name());
        m.put("testExamples", test == null ? null : test.size());
        m.put("accuracyExamples", test == null ? null : limit == 0 ? test.size() : Math.min(limit, test.size()));
        m.put("accuracySubsetSeed", test != null && limit > 0 && limit < test.size() ? ModelSubjects.SUBSET_SEED
                : null);
        m.put("method", settings.method().cliName());
        m.put("scope", settings.scopeId());
        m.put("perGate", settings.perGate());
        m.put("minDegree", settings.minDegree());
        m.put("seed", settings.seed());
        m.put("fineTuning", tuner == null ? null : tuner.describe());
        m.put("startedAt", provenance.createdAt());
        m.put("sweepSeconds", seconds);
        m.put("provenance", provenance);
        return m;
    }

    static String accuracyData(SequenceDataset test, int limit) {
        if (test == null) {
            return "nothing (--limit -1)";
        }
        return limit > 0 && limit < test.size() ? "a fixed subset of " + limit + " of " + test.name()
                : test.name() + " (" + test.size() + " examples)";
    }

    private static void progress(PrintWriter err, SweepPoint p, int total, List<GraphId> monitored) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "q = %7.3f %%", p.keepPercent()));
        if (p.accuracy() != null) {
            sb.append(String.format(Locale.ROOT, "  accuracy %6.2f %%", 100 * p.accuracy()));
        }
        for (GraphId g : monitored) {
            if (g.gate() != null) {
                continue;
            }
            LayerAnalysisResult r = p.result(g, Representation.UNWEIGHTED);
            sb.append(String.format(Locale.ROOT, "  %s dR %s dS %s", g.id(), fmt(r.deltaR()), fmt(r.deltaS())));
        }
        sb.append(String.format(Locale.ROOT, "  (%.1f s)", p.millis() / 1000.0));
        err.println(sb);
        err.flush();
    }

    private static String fmt(Double v) {
        return v == null ? "undef" : String.format(Locale.ROOT, "%.3f", v);
    }

    private void report(PrintWriter out, SweepResult r, List<GraphId> monitored, double sweepSeconds,
                        double totalSeconds, int figures, List<Path> exported) {
        Double dense = r.points().get(0).accuracy();
        if (dense != null) {
            out.printf(Locale.ROOT, "accuracy at q = %s %%: %.2f %%%n", PruneCommand.trim(r.grid().get(0)),
                    100 * dense);
        }
        out.println("first zero crossings (grid q / interpolated q; '-' = stays positive on the grid):");
        out.printf(Locale.ROOT, "  %-8s %-22s %-22s %-22s%n", "graph", "dR unweighted", "dS unweighted",
                "dS weighted");
        for (GraphId g : monitored) {
            SweepResult.Crossings u = r.crossings().get(new SweepPoint.Key(g, Representation.UNWEIGHTED));
            SweepResult.Crossings w = r.crossings().get(new SweepPoint.Key(g, Representation.WEIGHTED));
            out.printf(Locale.ROOT, "  %-8s %-22s %-22s %-22s%n", g.id(), crossing(u == null ? null : u.deltaR()),
                    crossing(u == null ? null : u.deltaS()), crossing(w == null ? null : w.deltaS()));
        }
        SweepResult.Stopping s = r.stopping();
        if (s == null) {
            double last = r.grid().get(r.grid().size() - 1);
            out.println("stopping rule: every monitored gap stays positive down to q = "
                    + (r.reach() != null ? String.format(Locale.ROOT, "%.3f", last) : PruneCommand.trim(last)) + " %");
        } else {
            out.printf(Locale.ROOT, "stopping rule: %s (%s) of %s is <= 0 first, at q = %s %%; recommended q = %s%n",
                    s.gap(), s.graph().representation() == Representation.WEIGHTED ? "weighted" : "unweighted",
                    s.graph().graph().id(), PruneCommand.trim(round(s.atQ())),
                    s.recommended() == null ? "none (not positive at the first grid point)"
                            : PruneCommand.trim(round(s.recommended())) + " %");
        }
        if (r.config().settings().method() == PruningMethod.RAMANUJAN) {
            SweepResult.Reach reach = r.reach();
            SweepPoint last = r.points().get(r.points().size() - 1);
            if (reach != null) {
                out.printf(Locale.ROOT, "ramanujan: below q = %.3f %% no pruned %s can lose another edge with its %s "
                        + "> 0; asked for %s %%, it measured %.3f %% and stopped (%d grid point(s) left out)%n",
                        reach.lowestReachableQ(), r.config().settings().perGate() ? "gate slice" : "matrix",
                        r.config().settings().gap().cliName(), PruneCommand.trim(reach.askedQ()),
                        reach.lowestReachableQ(), reach.skipped());
            } else {
                out.printf(Locale.ROOT, "ramanujan: every grid q was reachable (lowest reachable at the last point: "
                        + "%.3f %%)%n", last.lowestReachable());
            }
            out.println("  q per pruned matrix at the last point: " + last.blockPercents().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.3f %%", e.getKey(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        out.printf(Locale.ROOT, "sweep: %.1f s; with files: %.1f s%n", sweepSeconds, totalSeconds);
        out.println("wrote " + out(this.out.resolve("sweep.csv")) + ", " + out(this.out.resolve("sweep.json"))
                + " and " + figures + " figure file(s) in " + out(this.out.resolve("figures")));
        for (Path p : exported) {
            out.println("exported " + out(p));
        }
        out.flush();
    }

    private static String out(Path p) {
        return p.toString();
    }

    private static String crossing(ZeroCrossing c) {
        if (c == null) {
            return "-";
        }
        return PruneCommand.trim(round(c.gridQ())) + " / "
                + (c.interpolated() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", c.interpolated()));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
