package org.expanderexplorer.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.expanderexplorer.core.BadInputException;
import picocli.CommandLine.Option;

/** The figure options shared by {@code sweep} and {@code sweep merge}: {@code --formats} and {@code --dpi}. */
final class FigureFormats {

    @Option(names = "--formats", split = ",", defaultValue = "png,svg",
            description = "Figure formats: png, svg, both (default) or none.")
    List<String> formats;

    @Option(names = "--dpi", defaultValue = "" + FigureCommand.DEFAULT_DPI,
            description = "PNG resolution (96 = the logical 800 x 500 pixels; default ${DEFAULT-VALUE}).")
    int dpi;

    /** The formats named, in order, without repeats; empty for {@code none}. */
    List<String> parsed() {
        Set<String> f = new LinkedHashSet<>();
        for (String s : formats) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            switch (t) {
                case "png", "svg" -> f.add(t);
                case "none" -> {
                }
                default -> throw new BadInputException("--formats: unknown format '" + s + "' (png, svg or none)");
            }
        }
        return List.copyOf(f);
    }

    /** The PNG scale for {@code --dpi}. */
    double scale() {
        return FigureCommand.scale(dpi);
    }
}
