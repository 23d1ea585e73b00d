package org.expanderexplorer.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.expanderexplorer.core.BadInputException;

/** The {@code --formats} option of {@code sweep} and {@code sweep merge}: png, svg, both or none. */
final class FigureFormats {

    private FigureFormats() {
    }

    /** The formats named, in order, without repeats; empty for {@code none}. */
    static List<String> parse(List<String> formats) {
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
}
