package org.expanderexplorer.core.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.io.Provenance;

/**
 * A report folder: every figure as PNG, SVG and CSV, and {@code settings.json} with what produced them (model file
 * hash, data set, method, q, seed, ...), so a figure in a report can be traced and reproduced. Each CSV carries the
 * same settings in its header block ({@link FigureCsv}).
 */
public final class ReportFolder {

    private ReportFolder() {
    }

    /**
     * Writes the report into {@code dir} (created if missing); each file atomically.
     *
     * @param figures  figure name (used as file name) to figure; null figures are skipped
     * @param settings   what the window showed (graph, representation, accuracy, ...); written as settings.json
     * @param provenance where the figures came from; written into settings.json under {@code provenance}
     * @return the number of files written
     */
    public static int write(Path dir, Map<String, FigureSpec> figures, FigureStyle style, Map<String, Object> settings,
                            Provenance provenance) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw BadInputException.inFile(dir, "cannot create the report folder (" + e.getMessage() + ")");
        }
        int n = 0;
        for (Map.Entry<String, FigureSpec> f : figures.entrySet()) {
            if (f.getValue() == null) {
                continue;
            }
            for (String ext : new String[] {"png", "svg"}) {
                FigureFiles.write(dir.resolve(f.getKey() + "." + ext), f.getValue(), style, FigureFiles.WIDTH,
                        FigureFiles.HEIGHT, 2);
                n++;
            }
            FigureFiles.writeCsv(dir.resolve(f.getKey() + ".csv"), f.getValue(), settings, FigureCsv.Layout.LONG);
            n++;
        }
        Map<String, Object> s = new LinkedHashMap<>(settings);
        s.put("figures", figures.keySet());
        s.put("provenance", java.util.Objects.requireNonNull(provenance, "provenance"));
        Path json = dir.resolve("settings.json");
        try {
            Json.writeFile(json, s);
        } catch (IOException e) {
            throw BadInputException.inFile(json, "cannot write (" + e.getMessage() + ")");
        }
        return n + 1;
    }
}
