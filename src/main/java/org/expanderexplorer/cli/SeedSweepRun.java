package org.expanderexplorer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.DataSelection;
import org.expanderexplorer.core.data.NoiseSpec;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.experiment.SeedList;
import org.expanderexplorer.core.experiment.SeedPlan;
import org.expanderexplorer.core.experiment.SeedReport;
import org.expanderexplorer.core.experiment.SeedShards;
import org.expanderexplorer.core.experiment.SeedSummary;
import org.expanderexplorer.core.experiment.SeedSweep;
import org.expanderexplorer.core.experiment.Shard;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.io.FileDigests;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.io.Provenance;
import org.expanderexplorer.core.io.RunFolder;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.Nd4jThreads;
import org.expanderexplorer.core.model.SavedModel;
import org.expanderexplorer.core.pruning.PruningSchedule;
import org.expanderexplorer.core.spectral.AnalysisOptions;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.LoadedModel;
import org.expanderexplorer.core.subject.ModelSubjects;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.sweep.ModelFineTuner;
import org.expanderexplorer.core.sweep.SweepConfig;

/**
 * {@code sweep --seeds LIST [--shard K/N]}: the sweep once per seed, or one shard of that work. The options are the
 * sweep command's; this class builds the plan (the run's identity, the same in every shard), sets each seed up and
 * writes the run's folder ({@link SeedReport}) or the shard's ({@link SeedShards}).
 */
final class SeedSweepRun {

    /** Marks where the seed goes in a {@code --model} pattern. */
    static final String SEED_PLACEHOLDER = "{seed}";

    /** Makes the fine-tuner of one seed (the sweep command's, so both paths fine-tune alike). */
    @FunctionalInterface
    interface FineTuners {
        ModelFineTuner make(SavedModel saved, DataSelection data, SequenceDataset test, PrintWriter stderr,
                            String name, long seed);
    }

    /** Makes the run's title from the model's name, the test data's name and the seeds. */
    @FunctionalInterface
    interface Titles {
        String title(String name, String testName, String seedText);
    }

    /**
     * The sweep command's options, checked.
     *
     * @param shard      the shard, or null for the whole run
     * @param fineTuning what the fine-tuning does (for the plan), or null for none
     * @param fineTuners makes a seed's fine-tuner, or null for none
     */
    record Options(PrintWriter stdout, PrintWriter stderr, Path model, String data, NoiseOptions noise,
                   PruneSettings settings, int layer, PruningSchedule schedule, SeedList seeds, Shard shard,
                   int limit, int threads, List<String> formats, double scale, Path out,
                   Function<CellType, List<GraphId>> graphs, String fineTuning, FineTuners fineTuners,
                   Titles titles) {
    }

    private final Options c;

    SeedSweepRun(Options options) {
        this.c = options;
    }

    Integer call() throws IOException {
        PrintWriter stdout = c.stdout();
        PrintWriter stderr = c.stderr();
        PruneSettings settings = c.settings();
        PruningSchedule schedule = c.schedule();
        SeedList seeds = c.seeds();
        Shard shard = c.shard() == null ? Shard.ALL : c.shard();
        if (Files.exists(c.out()) && !Files.isDirectory(c.out())) {
            throw BadInputException.inFile(c.out(), "exists and is not a folder");
        }
        Nd4jThreads.set(c.threads());
        SeedPlan units = SeedPlan.of(seeds, schedule, settings.method());
        Setups setups = new Setups(settings, schedule, stderr);
        JsonNode plan = plan(seeds, schedule, units, settings, setups);
        String createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        int todo = units.units(shard).size();
        stderr.printf(Locale.ROOT, "sweep: %s, seeds %s, %s%d unit(s) of %d%n", plan.path("title").asText(), seeds,
                c.shard() == null ? "" : "shard " + shard + ": ", todo, units.units().size());
        long t0 = System.nanoTime();
        SeedSweep.Result result = new SeedSweep(units, shard, setups).run(
                p -> stderr.printf(Locale.ROOT, "seed %d  q = %7.3f %%%s  (%.1f s)%n", p.seed(),
                        p.point().keepPercent(), p.point().accuracy() == null ? ""
                                : String.format(Locale.ROOT, "  accuracy %6.2f %%", 100 * p.point().accuracy()),
                        p.point().millis() / 1000.0),
                () -> Thread.currentThread().isInterrupted());
        double seconds = (System.nanoTime() - t0) / 1e9;
        // the files of a run belong together: written into a staging folder, moved into --out when complete
        try (RunFolder folder = RunFolder.begin(c.out())) {
            SeedSummary summary = null;
            try {
                if (c.shard() != null) {
                    SeedShards.writeShard(folder.staging(), plan, shard, result, seconds, createdAt);
                } else {
                    summary = SeedReport.write(folder.staging(), plan, result.tables(),
                            SeedShards.timings(result, seconds), createdAt, c.formats(), c.scale());
                }
            } catch (FileSystemException e) {
                throw folder.named(e);
            }
            folder.commit();
            if (summary == null) {
                stdout.printf(Locale.ROOT, "shard %s: %d unit(s) in %.1f s; wrote %s%n", shard, todo, seconds,
                        c.out().resolve(SeedShards.SHARD_JSON));
                stdout.println("merge all " + shard.count() + " shards with: sweep merge --out DIR SHARD_FOLDER...");
                stdout.flush();
            } else {
                SeedRunReport.print(stdout, summary, plan, seconds, c.out());
            }
        }
        return 0;
    }

    /** Loads each seed's model and data (the last ones kept, as consecutive seeds often share them). */
    private final class Setups implements SeedSweep.Setup {
        private final PruneSettings settings;
        private final PruningSchedule schedule;
        private final PrintWriter stderr;
        private Path modelFile;
        private SavedModel saved;
        private DataSelection selection;
        private SequenceDataset test;

        Setups(PruneSettings settings, PruningSchedule schedule, PrintWriter stderr) {
            this.settings = settings;
            this.schedule = schedule;
            this.stderr = stderr;
        }

        SavedModel model(long seed) {
            Path file = modelFile(seed);
            if (!file.equals(modelFile)) {
                saved = LoadedModel.read(file);
                modelFile = file;
            }
            return saved;
        }

        DataSelection selection(long seed) {
            return c.noise().data(c.data(), seed);
        }

        SequenceDataset test(long seed) {
            DataSelection s = selection(seed);
            if (c.limit() < 0) {
                return null;
            }
            if (!s.equals(selection)) {
                test = s.load(Split.TEST);
                selection = s;
            }
            return test;
        }

        @Override
        public SeedSweep.SeedRun setUp(long seed) {
            SavedModel m = model(seed);
            SequenceDataset t = test(seed);
            String name = stem(modelFile);
            var subject = LoadedModel.of(modelFile, m, t, name, c.layer()).subject();
            PruneSettings s = settings.withSeed(seed);
            SweepConfig config = new SweepConfig(schedule, s, c.graphs().apply(m.model().spec().cell()),
                    Set.of(Representation.UNWEIGHTED, Representation.WEIGHTED), c.limit(),
                    AnalysisOptions.DEFAULT.withExact(AnalysisOptions.Exact.NEVER));
            ModelFineTuner tuner = c.fineTuners() == null ? null
                    : c.fineTuners().make(m, selection(seed), t, stderr, name, seed);
            return new SeedSweep.SeedRun(subject, config, tuner);
        }
    }

    private Path modelFile(long seed) {
        return Path.of(c.model().toString().replace(SEED_PLACEHOLDER, Long.toString(seed)));
    }

    /**
     * The plan: every option that changes a number, the model files' SHA-256, the test data's name and size; read
     * back from its JSON text, as a merge reads it from a shard, so both paths hand the report the same tree.
     */
    private JsonNode plan(SeedList seeds, PruningSchedule schedule, SeedPlan units, PruneSettings settings,
                          Setups setups) throws IOException {
        long first = seeds.values().get(0);
        boolean pattern = c.model().toString().contains(SEED_PLACEHOLDER);
        SavedModel m = setups.model(first);
        SequenceDataset test = setups.test(first);
        DataSelection selection = setups.selection(first);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("model", c.model().toString());
        if (pattern) {
            List<Object> models = new ArrayList<>();
            for (long s : seeds.values()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("seed", s);
                one.put("file", modelFile(s).toString());
                one.put("sha256", sha(modelFile(s)));
                models.add(one);
            }
            run.put("models", models);
        } else {
            run.put("modelSha256", sha(c.model()));
        }
        run.put("architecture", m.model().spec().describe());
        run.put("layer", c.layer());
        run.put("data", c.data());
        Map<String, Object> noise = null;
        if (selection.noise().isPresent()) {
            NoiseSpec n = selection.noise().get();
            noise = new LinkedHashMap<>();
            noise.put("snrDb", n.snrDb());
            noise.put("seed", c.noise().seedGiven() ? n.seed() : null);
            noise.put("seedNote", c.noise().seedGiven() ? "the same noise for every seed" : "each seed's own noise: "
                    + "the noise seed is the run's seed");
            noise.put("appliedTo", NoiseSpec.appliedTo(selection.spec().kind()));
            run.put("noise", noise);
        }
        run.put("testData", test == null ? null : test.name());
        run.put("testExamples", test == null ? null : test.size());
        run.put("accuracyExamples", test == null ? null
                : c.limit() == 0 ? test.size() : Math.min(c.limit(), test.size()));
        boolean subset = test != null && c.limit() > 0 && c.limit() < test.size();
        run.put("accuracySubsetSeed", subset ? ModelSubjects.SUBSET_SEED : null);
        run.put("method", settings.method().cliName());
        run.put("scope", settings.scopeId());
        run.put("perGate", settings.perGate());
        run.put("minDegree", settings.minDegree());
        if (settings.method() == PruningMethod.RAMANUJAN) {
            run.put("keptGap", settings.gap().cliName()); // the gap the method keeps positive changes every number
        }
        run.put("seedDrives", c.fineTuning() == null ? List.of("pruning", "noise") : List.of("pruning", "fineTuning",
                "noise"));
        run.put("fineTuning", c.fineTuning());
        Provenance p = Provenance.now().withModel(c.model().toString(), pattern ? null : sha(c.model()))
                .withDataSet(test == null ? null : test.name())
                .withPruning(settings.method().cliName(), null);
        if (subset) {
            p = p.withSeed("accuracySubset", ModelSubjects.SUBSET_SEED);
        }
        if (selection.noise().isPresent()) {
            Provenance.Noise n = selection.recorded();
            p = p.withNoise(c.noise().seedGiven() ? n : new Provenance.Noise(n.snrDb(), null, n.appliedTo()));
        }
        ObjectNode provenance = Json.tree(p);
        provenance.remove("createdAt");
        run.put("provenance", provenance);
        Map<String, Object> plan = new LinkedHashMap<>();
        // the run first: a merge names the first key at which two shards' plans differ
        plan.put("run", run);
        plan.put("schedule", schedule.iterative() ? "iterative" : "one-shot");
        plan.put("pointwise", units.pointwise());
        plan.put("seeds", seeds.values());
        plan.put("grid", units.grid());
        List<String> graphs = new ArrayList<>();
        for (GraphId g : c.graphs().apply(m.model().spec().cell())) {
            graphs.add(g.id());
        }
        plan.put("graphs", graphs);
        plan.put("title", c.titles().title(stem(c.model()), test == null ? selection.spec().toString()
                : test.name(), (seeds.values().size() == 1 ? "seed " : "seeds ") + seeds));
        return Json.readTree(Json.bytes(plan));
    }

    /** The file name without its extension (a {@code --model} pattern keeps its {@code {seed}}). */
    static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String sha(Path file) {
        try {
            return FileDigests.sha256(file);
        } catch (IOException e) {
            throw BadInputException.cannotRead(file, e);
        }
    }
}
