package org.expanderexplorer.core.report;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.geom.Rectangle2D;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Figure text with real subscripts. The figures name quantities in the plain-text notation of the CSV files and
 * the science notes ({@code Δ_R}, {@code σ_2}, {@code d_min}); drawn, an underscore starts a subscript that runs
 * over the letters and digits after it, so {@code √(d_L−1)} shows d with a subscript L and {@code d_min} d with
 * a subscript "min". Only an underscore after a one-letter symbol starts a subscript, so names such as
 * {@code my_model} stay as they are. Subscripts are drawn as runs of a smaller font on a lowered baseline with plain
 * {@code drawString} calls, so they look the same in PNG and in SVG (where they stay text).
 *
 * <p>Unicode has subscript digits but no subscript capital letters (L, R, S), which is why the markup is
 * interpreted rather than mapped to characters.
 */
public final class RichText {

    /** Subscript size relative to the base font, and how far the subscript baseline drops (of the base size). */
    static final float SUB_SIZE = 0.72f;
    static final float SUB_DROP = 0.28f;

    private final String plain;
    private final List<Run> runs;

    /** One run of text: normal or subscript. */
    record Run(String text, boolean sub) {
    }

    private RichText(String plain, List<Run> runs) {
        this.plain = plain;
        this.runs = List.copyOf(runs);
    }

    /** Parses the underscore notation; text without an underscore is one normal run. */
    public static RichText of(String markup) {
        Objects.requireNonNull(markup, "markup");
        List<Run> runs = new ArrayList<>();
        StringBuilder normal = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < markup.length()) {
            char c = markup.charAt(i);
            int end = i + 1;
            while (end < markup.length() && Character.isLetterOrDigit(markup.charAt(end))) {
                end++;
            }
            if (c == '_' && end > i + 1 && afterSymbol(markup, i)) {
                if (normal.length() > 0) {
                    runs.add(new Run(normal.toString(), false));
                    normal.setLength(0);
                }
                String sub = markup.substring(i + 1, end);
                runs.add(new Run(sub, true));
                plain.append(sub);
                i = end;
            } else {
                normal.append(c);
                plain.append(c);
                i++;
            }
        }
        if (normal.length() > 0) {
            runs.add(new Run(normal.toString(), false));
        }
        return new RichText(plain.toString(), runs);
    }

    /** True when the underscore at {@code i} follows a one-letter symbol (d_L, σ_2), not a word (file_name). */
    private static boolean afterSymbol(String s, int i) {
        return i >= 1 && Character.isLetter(s.charAt(i - 1)) && (i == 1 || !Character.isLetterOrDigit(s.charAt(i - 2)));
    }

    /** The text without markup (subscripts inline), e.g. for tooltips. */
    public String plain() {
        return plain;
    }

    List<Run> runs() {
        return runs;
    }

    /** True when some run is a subscript. */
    public boolean hasSubscript() {
        return runs.stream().anyMatch(Run::sub);
    }

    /** The subscript font: a whole size, as SVG files carry whole font sizes (see {@link FigureStyle}). */
    private static Font subFont(Font base) {
        return base.deriveFont((float) Math.max(1, Math.round(base.getSize2D() * SUB_SIZE)));
    }

    /** Width of the text in {@code font}. */
    public double width(Font font, FontRenderContext frc) {
        double w = 0;
        Font sub = subFont(font);
        for (Run r : runs) {
            w += (r.sub() ? sub : font).getStringBounds(r.text(), frc).getWidth();
        }
        return w;
    }

    /**
     * The box the text covers when drawn with its baseline at {@code (x, y)}: from the font's ascent above the
     * baseline to its descent (or the lowered subscripts' descent) below.
     */
    public Rectangle2D bounds(Font font, FontRenderContext frc, double x, double y) {
        var lm = font.getLineMetrics("Xg", frc);
        double below = lm.getDescent();
        if (hasSubscript()) {
            below = Math.max(below, SUB_DROP * font.getSize2D() + subFont(font).getLineMetrics("g", frc).getDescent());
        }
        return new Rectangle2D.Double(x, y - lm.getAscent(), width(font, frc), lm.getAscent() + below);
    }

    /** Draws the text with its baseline starting at {@code (x, y)} in the current paint. */
    public void draw(Graphics2D g2, Font font, double x, double y) {
        Font old = g2.getFont();
        Font sub = subFont(font);
        double at = x;
        FontRenderContext frc = g2.getFontRenderContext();
        for (Run r : runs) {
            Font f = r.sub() ? sub : font;
            g2.setFont(f);
            g2.drawString(r.text(), (float) at, (float) (r.sub() ? y + SUB_DROP * font.getSize2D() : y));
            at += f.getStringBounds(r.text(), frc).getWidth();
        }
        g2.setFont(old);
    }

    /**
     * The text as an {@link AttributedString} in {@code font} with subscript runs, for JFreeChart's attributed
     * axis labels.
     */
    public AttributedString attributed(Font font) {
        AttributedString s = new AttributedString(plain);
        if (plain.isEmpty()) {
            return s;
        }
        // a FONT attribute overrides every other font attribute, so the subscript runs get a font of their own
        Font sub = font.deriveFont(java.util.Map.of(TextAttribute.SUPERSCRIPT, TextAttribute.SUPERSCRIPT_SUB));
        int at = 0;
        for (Run r : runs) {
            s.addAttribute(TextAttribute.FONT, r.sub() ? sub : font, at, at + r.text().length());
            at += r.text().length();
        }
        return s;
    }
}
