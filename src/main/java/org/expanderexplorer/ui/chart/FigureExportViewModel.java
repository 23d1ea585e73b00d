package org.expanderexplorer.ui.chart;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.report.FigureSize;

/**
 * The figure export's choices: a preset (one journal column, two columns, a 16:9 slide) or a size of one's own
 * (width x height in cm, inches or pixels), the resolution, PNG or SVG, whether to draw the title (a journal puts
 * it in the caption) and whether to keep the window's dark or high-contrast theme (journal figures are light).
 * Choosing a preset fills in its size; editing a size makes it one's own. {@link #sizeProperty()} is the size
 * asked for, or null while the fields do not make one, with {@link #summaryProperty()} saying why or what the file
 * will be.
 */
public final class FigureExportViewModel {

    /** The presets, and a size of one's own. */
    public enum Preset {
        ONE_COLUMN("one journal column (8.5 cm)", FigureSize.ONE_COLUMN),
        TWO_COLUMN("two journal columns (17.8 cm)", FigureSize.TWO_COLUMN),
        SLIDE("16:9 slide (1920 x 1080)", FigureSize.SLIDE),
        CUSTOM("size of my own", null);

        private final String text;
        private final FigureSize size;

        Preset(String text, FigureSize size) {
            this.text = text;
            this.size = size;
        }

        public FigureSize size() {
            return size;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** PNG or SVG. */
    public enum Format { PNG, SVG }

    /** What to write: the size, the format, the theme choice, and whether the title is drawn. */
    public record Choice(FigureSize size, Format format, boolean windowTheme, boolean title) {
    }

    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(Preset.ONE_COLUMN);
    private final StringProperty width = new SimpleStringProperty();
    private final StringProperty height = new SimpleStringProperty();
    private final ObjectProperty<FigureSize.Unit> unit = new SimpleObjectProperty<>(FigureSize.Unit.CM);
    private final StringProperty dpi = new SimpleStringProperty();
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.PNG);
    private final BooleanProperty windowTheme = new SimpleBooleanProperty(false);
    private final BooleanProperty title = new SimpleBooleanProperty(false);
    private final ObjectBinding<FigureSize> size;
    private final StringBinding summary;
    private boolean filling;

    public FigureExportViewModel() {
        fill(FigureSize.ONE_COLUMN);
        preset.addListener((o, a, b) -> {
            if (b != null && b.size() != null) {
                fill(b.size());
                // a journal figure's title goes in its caption; a slide shows it
                title.set(b == Preset.SLIDE);
            }
        });
        // change (not invalidation) listeners: a property nobody has read since its last change does not invalidate
        // again
        javafx.beans.value.ChangeListener<Object> edited = (o, a, b) -> {
            if (!filling && preset.get() != Preset.CUSTOM) {
                preset.set(Preset.CUSTOM);
            }
        };
        width.addListener(edited);
        height.addListener(edited);
        unit.addListener(edited);
        dpi.addListener(edited);
        size = Bindings.createObjectBinding(() -> parse().size, width, height, unit, dpi);
        summary = Bindings.createStringBinding(() -> {
            Parsed p = parse();
            if (p.size == null) {
                return p.problem;
            }
            FigureSize s = p.size;
            String text = String.format(Locale.ROOT, "text %.0f to %.0f pt", 10.5 * s.textScale(), 14 * s.textScale());
            return format.get() == Format.PNG
                    ? String.format(Locale.ROOT, "%,d x %,d pixels, %s", s.pixelWidth(), s.pixelHeight(), text)
                    : String.format(Locale.ROOT, "%.1f x %.1f pt, %s", s.widthPoints(), s.heightPoints(), text);
        }, width, height, unit, dpi, format);
    }

    private void fill(FigureSize s) {
        filling = true;
        width.set(number(s.width()));
        height.set(number(s.height()));
        unit.set(s.unit());
        dpi.set(Integer.toString(s.dpi()));
        filling = false;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceFirst("\\.?0+$", "");
    }

    private record Parsed(FigureSize size, String problem) {
    }

    private Parsed parse() {
        try {
            double w = Double.parseDouble(width.get().strip().replace(',', '.'));
            double h = Double.parseDouble(height.get().strip().replace(',', '.'));
            int d = Integer.parseInt(dpi.get().strip());
            return new Parsed(new FigureSize(w, h, unit.get(), d), null);
        } catch (NumberFormatException | NullPointerException e) {
            return new Parsed(null, "Width, height and resolution must be numbers.");
        } catch (BadInputException e) {
            String m = e.getMessage();
            return new Parsed(null, Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".");
        }
    }

    /** The choice, or null while the fields do not make a size. */
    public Choice choice() {
        FigureSize s = size.get();
        return s == null ? null : new Choice(s, format.get(), windowTheme.get(), title.get());
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    public StringProperty widthProperty() {
        return width;
    }

    public StringProperty heightProperty() {
        return height;
    }

    public ObjectProperty<FigureSize.Unit> unitProperty() {
        return unit;
    }

    public StringProperty dpiProperty() {
        return dpi;
    }

    public ObjectProperty<Format> formatProperty() {
        return format;
    }

    /** Draw the figure's title (off for journal figures, whose title goes in the caption). */
    public BooleanProperty titleProperty() {
        return title;
    }

    public BooleanProperty windowThemeProperty() {
        return windowTheme;
    }

    /** The size the fields make, or null. */
    public ObjectBinding<FigureSize> sizeProperty() {
        return size;
    }

    /** What the file will be (pixels or points, text size), or what is wrong with the fields. */
    public StringBinding summaryProperty() {
        return summary;
    }
}
