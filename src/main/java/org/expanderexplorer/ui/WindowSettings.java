package org.expanderexplorer.ui;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.expanderexplorer.core.io.AtomicFiles;

/**
 * What the window remembers between runs: its bounds, whether it was maximised, the presentation scale and high
 * contrast (a lecture room's settings, kept for the next lecture). Kept
 * in a small properties file in the user's configuration folder ({@code $XDG_CONFIG_HOME/expander-explorer}, else
 * {@code ~/.config/expander-explorer}; the system property {@code expander.config} names another folder), written
 * atomically. A missing, unreadable or damaged file means the defaults: settings are a convenience and never stop
 * the window from opening.
 *
 * @param bounds the window's bounds when it was closed, or null (never saved)
 * @param scale    the presentation scale: 1, 1.5 or 2
 * @param contrast the high-contrast theme
 */
public record WindowSettings(WindowPlacement.Bounds bounds, double scale, boolean contrast) {

    /** Nothing remembered. */
    public static final WindowSettings NONE = new WindowSettings(null, 1, false);
    static final String FILE = "window.properties";

    public WindowSettings {
        scale = scale == 1.5 || scale == 2 ? scale : 1;
    }

    /** The configuration folder. */
    public static Path folder() {
        String override = System.getProperty("expander.config");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("expander-explorer");
    }

    /** Reads the settings in {@code folder}; the defaults when there are none or they cannot be read. */
    public static WindowSettings load(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return NONE;
        }
        double scale = number(p, "scale", 1);
        double x = number(p, "x", Double.NaN);
        double y = number(p, "y", Double.NaN);
        double w = number(p, "width", Double.NaN);
        double h = number(p, "height", Double.NaN);
        boolean ok = Double.isFinite(x) && Double.isFinite(y) && w > 0 && h > 0 && w < 100_000 && h < 100_000;
        return new WindowSettings(ok ? new WindowPlacement.Bounds(x, y, w, h,
                Boolean.parseBoolean(p.getProperty("maximized"))) : null, scale,
                Boolean.parseBoolean(p.getProperty("contrast")));
    }

    private static double number(Properties p, String key, double otherwise) {
        try {
            double v = Double.parseDouble(p.getProperty(key, "").strip());
            return Double.isFinite(v) ? v : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Writes the settings into {@code folder} (created if missing), atomically. */
    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        StringBuilder sb = new StringBuilder("# Expander Explorer: the window's size and place, the presentation scale "
                + "and high contrast\n");
        if (bounds != null) {
            sb.append(String.format(Locale.ROOT, "x=%.0f\ny=%.0f\nwidth=%.0f\nheight=%.0f\nmaximized=%b\n",
                    bounds.x(), bounds.y(), bounds.width(), bounds.height(), bounds.maximized()));
        }
        sb.append(String.format(Locale.ROOT, "scale=%s\ncontrast=%b\n", scale, contrast));
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(folder.resolve(FILE), out -> out.write(bytes));
    }
}
