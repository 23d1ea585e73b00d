package org.expanderexplorer.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.experiment.SeedReport;
import org.expanderexplorer.core.experiment.SeedShards;
import org.expanderexplorer.core.experiment.SeedSummary;
import org.expanderexplorer.core.io.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep merge}: joins the shards of a multi-seed sweep into the folder the unsharded run would write. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the shard folders written by 'sweep --seeds LIST --shard K/N' (all N of them, any order) "
            + "into the folder the same sweep without --shard writes: the same files, byte for byte, apart from the "
            + "timings and the creation time."})
final class SweepMergeCommand extends CliCommand {

    @Parameters(arity = "1..*", paramLabel = "SHARD", description = "The shard folders.")
    List<Path> shards;

    @Mixin
    FigureFormats figureOptions;

    @Option(names = "--out", required = true, description = "Folder to write (created if missing).")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<String> figureFormats = figureOptions.parsed();
        double scale = figureOptions.scale();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw BadInputException.inFile(out, "exists and is not a folder");
        }
        for (Path s : shards) {
            if (s.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw BadInputException.inFile(out, "is also a shard folder; merge into another folder");
            }
        }
        long t0 = System.nanoTime();
        SeedShards.Merged merged = SeedShards.merge(shards);
        try (RunFolder folder = RunFolder.begin(out)) {
            SeedSummary summary;
            try {
                summary = SeedReport.write(folder.staging(), merged.plan(), merged.tables(), merged.timings(),
                        merged.createdAt(), figureFormats, scale);
            } catch (FileSystemException e) {
                throw folder.named(e);
            }
            folder.commit();
            SeedRunReport.print(out(), summary, merged.plan(),
                    (System.nanoTime() - t0) / 1e9, out);
        }
        return 0;
    }
}
