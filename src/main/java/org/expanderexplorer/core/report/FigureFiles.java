package org.expanderexplorer.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.AtomicFiles;

/**
 * Writes a figure as PNG, SVG or CSV, atomically. Used by the window's export menus and by the CLI, so both
 * produce the same files for the same figure.
 */
public final class FigureFiles {

    /** Default logical size of exported figures, in pixels. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    private FigureFiles() {
    }

    /** The format implied by a file name: png, svg or csv. */
    public static String formatOf(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String ext : new String[] {"png", "svg", "csv"}) {
            if (n.endsWith("." + ext)) {
                return ext;
            }
        }
        throw new BadInputException(file + ": unknown figure format; use a name ending in .png, .svg or .csv");
    }

    /**
     * Writes {@code spec} as PNG or SVG (from the file name) at a printed size and resolution, in {@code style}'s
     * theme with the size's text scale ({@link FigureSize#style}).
     *
     * @throws BadInputException for a CSV name (see {@link #writeCsv}) or when the file cannot be written
     */
    public static void write(Path file, FigureSpec spec, FigureStyle style, FigureSize size) {
        String format = formatOf(file);
        if (format.equals("csv")) {
            throw new BadInputException(file + ": a figure size applies to PNG and SVG; the data is written as CSV "
                    + "without one");
        }
        var chart = Charts.build(spec, size.style(style));
        try {
            if (format.equals("png")) {
                byte[] png = Charts.png(chart, size);
                AtomicFiles.write(file, out -> out.write(png));
            } else {
                byte[] svg = Charts.svg(chart, size).getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(file, out -> out.write(svg));
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** Writes the data behind {@code spec} as CSV with a header block ({@link FigureCsv}), atomically. */
    public static void writeCsv(Path file, FigureSpec spec, Map<String, ?> header, FigureCsv.Layout layout) {
        byte[] csv = FigureCsv.of(spec, header, layout).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file, out -> out.write(csv));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes {@code spec} to {@code file} in the format its name implies.
     *
     * @param scale PNG pixel density (1, 2, 4); ignored for SVG and CSV
     */
    public static void write(Path file, FigureSpec spec, FigureStyle style, int width, int height, double scale) {
        String format = formatOf(file);
        try {
            switch (format) {
                case "png" -> {
                    byte[] png = Charts.png(Charts.build(spec, style), width, height, scale);
                    AtomicFiles.write(file, out -> out.write(png));
                }
                case "svg" -> {
                    String svg = Charts.svg(Charts.build(spec, style), width, height);
                    AtomicFiles.write(file, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
                }
                default -> {
                    String csv = spec.toCsv();
                    AtomicFiles.write(file, out -> out.write(csv.getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
