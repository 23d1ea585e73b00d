package org.expanderexplorer.core.drawing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rasterises a {@link GraphDrawing} with Java2D into an image, off the JavaFX thread. Edges are batched into a few
 * opacity buckets by |w| (one path each), ghosts of pruned edges are one faint path, vertices are dots, vertices
 * isolated by pruning get a red ring, highlighted vertices (a cut set) are orange. The classroom's {@link Look}
 * scales strokes, dots and text, switches to high contrast, colours vertices by a vector (diverging blue-red) and,
 * for small graphs, labels the vertices, draws pruned edges as visible dashed ghosts and the edges leaving a
 * highlighted set in orange.
 *
 * <p>Why not draw on a JavaFX Canvas: its commands are replayed by the render thread, and tens of thousands of
 * anti-aliased segments there stall every pulse while the slider moves; an image costs the UI one blit.
 */
public final class GraphRenderer {

    static final Color[] GATE_COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e)};
    private static final int BUCKETS = 6;
    private static final Color HIGHLIGHT = new Color(0xff7f0e);
    /** The spread's colour: its set, the units it reached and the edges it took. */
    static final Color SPREAD = new Color(0xd94801);
    /** The units reached at the step shown last, the spread's front. */
    static final Color FRONT = new Color(0xfdae6b);

    /**
     * Where and how to draw.
     *
     * @param width     image width in logical pixels
     * @param height    image height in logical pixels
     * @param pixelScale device pixels per logical pixel
     * @param scale     layout units to logical pixels
     * @param offsetX   logical x of layout x = 0
     * @param offsetY   logical y of layout y = 0
     * @param dark      dark background
     * @param highlight vertices to highlight (may be null)
     * @param look      classroom options (stroke scale, contrast, teaching look, vertex colours)
     * @param draft     a quick draft while the slider is dragged: edges without anti-aliasing (several times
     *                  cheaper for tens of thousands of edges, so the drawing keeps up and leaves the CPU to the
     *                  window); the exact look follows on release
     * @param spread    a spread to paint over the drawing (its set, reach and exact edges), or null
     */
    public record View(int width, int height, double pixelScale, double scale, double offsetX, double offsetY,
                       boolean dark, boolean[] highlight, Look look, boolean draft, SpreadOverlay spread) {

        public View(int width, int height, double pixelScale, double scale, double offsetX, double offsetY,
                    boolean dark, boolean[] highlight, Look look, boolean draft) {
            this(width, height, pixelScale, scale, offsetX, offsetY, dark, highlight, look, draft, null);
        }

        public View(int width, int height, double pixelScale, double scale, double offsetX, double offsetY,
                    boolean dark, boolean[] highlight, Look look) {
            this(width, height, pixelScale, scale, offsetX, offsetY, dark, highlight, look, false);
        }

        public View(int width, int height, double pixelScale, double scale, double offsetX, double offsetY,
                    boolean dark, boolean[] highlight) {
            this(width, height, pixelScale, scale, offsetX, offsetY, dark, highlight, Look.NORMAL, false);
        }
    }

    /**
     * Presentation options, used by the classroom.
     *
     * @param strokeScale  line widths, dot sizes and text sizes relative to normal (1, 1.5, 2)
     * @param contrast     high contrast: black background, saturated colours
     * @param teaching     the small-graph look: vertex labels, bigger dots, pruned edges as visible dashed ghosts,
     *                     and the edges leaving a highlighted set drawn in the highlight colour
     * @param vertexValues a value in [-1, 1] per vertex to colour it by (blue negative, red positive), or null
     */
    public record Look(double strokeScale, boolean contrast, boolean teaching, double[] vertexValues) {

        /** The explorer's look. */
        public static final Look NORMAL = new Look(1, false, false, null);
    }

    private GraphRenderer() {
    }

    /** Draws {@code d} as seen through {@code v}. */
    public static BufferedImage render(GraphDrawing d, View v) {
        int pw = Math.max(1, (int) Math.round(v.width() * v.pixelScale()));
        int ph = Math.max(1, (int) Math.round(v.height() * v.pixelScale()));
        BufferedImage img = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                    v.draft() ? RenderingHints.VALUE_ANTIALIAS_OFF : RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(v.pixelScale(), v.pixelScale());
            draw(g, d, v);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void draw(Graphics2D g, GraphDrawing d, View v) {
        Look look = v.look() == null ? Look.NORMAL : v.look();
        double k = look.strokeScale();
        boolean contrast = look.contrast();
        Color bg = contrast ? Color.BLACK : v.dark() ? new Color(0x23252b) : Color.WHITE;
        Color fg = contrast ? Color.WHITE : v.dark() ? new Color(0xe6e6e6) : new Color(0x222222);
        g.setColor(bg);
        g.fillRect(0, 0, v.width(), v.height());
        if (d == null || d.vertexCount() == 0) {
            return;
        }
        // Layout to pixels once per vertex, not once per edge end: a drawing has up to 20,000 edges on a few
        // thousand vertices.
        double[] xs = new double[d.vertexCount()];
        double[] ys = new double[d.vertexCount()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = v.offsetX() + v.scale() * d.x()[i];
            ys[i] = v.offsetY() + v.scale() * d.y()[i];
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(12 * k)));
        g.setColor(alpha(fg, 0.7));
        // column titles narrower than the gap between columns: at a large scale in a small pane they overlapped
        double columnGap = smallestGap(d.columns()) * v.scale();
        int widest = 0;
        for (String t : d.columnTitles()) {
            widest = Math.max(widest, g.getFontMetrics().stringWidth(t));
        }
        if (widest > 0 && widest > 0.9 * columnGap) {
            float size = (float) Math.max(8, g.getFont().getSize2D() * 0.9 * columnGap / widest);
            g.setFont(g.getFont().deriveFont(size));
        }
        for (int c = 0; c < d.columns().length; c++) {
            String t = d.columnTitles()[c];
            int w = g.getFontMetrics().stringWidth(t);
            g.drawString(t, (float) (v.offsetX() + v.scale() * d.columns()[c] - w / 2.0), (float) (16 * k));
        }
        float lw = (float) (k * (look.teaching() ? Math.max(1.2, Math.min(3, v.scale() * 0.04))
                : Math.max(0.4, Math.min(1.5, v.scale() * 0.12))));
        if (d.ghostFrom().length > 0) {
            if (look.teaching()) {
                g.setStroke(new BasicStroke(lw * 0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {5f * (float) k, 5f * (float) k}, 0f));
                g.setColor(alpha(fg, 0.35));
            } else {
                g.setStroke(new BasicStroke(lw));
                g.setColor(alpha(fg, 0.07));
            }
            g.draw(path(d.ghostFrom(), d.ghostTo(), null, 0, 0, xs, ys));
        }
        g.setStroke(new BasicStroke(lw));
        Color edge = d.gate() >= 0 ? GATE_COLOURS[d.gate()] : contrast ? new Color(0x00e5ff)
                : (v.dark() ? new Color(0x6fb7ff) : new Color(0x1f4e79));
        SpreadOverlay spread = v.spread();
        if (d.bundled()) {
            drawBundles(g, d.bundles(), v, edge, lw, spread != null);
        } else {
            // Opacity falls as edges multiply, so that 20,000 overlapping lines do not merge into one solid block
            // and the structure (which edges are strong) stays visible; a few hundred edges are drawn almost opaque.
            double density = Math.min(1.0, 3000.0 / Math.max(1, d.edgeFrom().length));
            double fade = spread != null ? 0.35 : 1.0;
            // Edges are drawn in a few opacity buckets by |w| (strongest last, on top), one path per bucket: a
            // colour change per edge would cost a state change each, a path per bucket is one draw call.
            for (int b = 0; b < BUCKETS; b++) {
                float lo = (float) b / BUCKETS;
                float hi = (float) (b + 1) / BUCKETS;
                double a = (0.12 + 0.75 * hi) * (0.35 + 0.65 * density) * fade;
                g.setColor(alpha(edge, Math.min(1, contrast ? 0.3 + a : a)));
                g.draw(path(d.edgeFrom(), d.edgeTo(), d.edgeStrength(), b == 0 ? -1f : lo, hi, xs, ys));
            }
        }
        boolean[] hl = v.highlight();
        if (look.teaching() && hl != null) {
            drawCutEdges(g, d, hl, xs, ys, 2.2f * lw);
        }
        if (spread != null) {
            // the spread's edges are drawn one by one whatever the drawing samples or bundles: they are the point
            g.setStroke(new BasicStroke(Math.max(1f, 1.6f * lw)));
            g.setColor(alpha(SPREAD, Math.min(0.9, 0.25 + 400.0 / Math.max(1, spread.edgeFrom().length))));
            g.draw(path(spread.edgeFrom(), spread.edgeTo(), null, 0, 0, xs, ys));
        }
        drawVertices(g, d, v, look, xs, ys);
        if (!look.teaching()) {
            drawEveryKthLabel(g, d, v, fg, xs, ys);
        }
    }

    /** Bundles as lines between group centres, opacity and width by the share of possible edges kept. */
    private static void drawBundles(Graphics2D g, EdgeBundles b, View v, Color edge, float lw, boolean faded) {
        int levels = BUCKETS;
        for (int level = 0; level < levels; level++) {
            float lo = (float) level / levels;
            float hi = (float) (level + 1) / levels;
            Path2D.Double p = new Path2D.Double();
            for (int i = 0; i < b.size(); i++) {
                float dens = b.density()[i];
                if (dens > lo && dens <= hi || level == 0 && dens <= lo) {
                    p.moveTo(v.offsetX() + v.scale() * b.x1()[i], v.offsetY() + v.scale() * b.y1()[i]);
                    p.lineTo(v.offsetX() + v.scale() * b.x2()[i], v.offsetY() + v.scale() * b.y2()[i]);
                }
            }
            g.setStroke(new BasicStroke(lw * (1.5f + 3f * hi), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(alpha(edge, (0.08 + 0.6 * hi) * (faded ? 0.4 : 1.0)));
            g.draw(p);
        }
    }

    /**
     * Labels the first and every k-th vertex of the first column of each kind (inputs, hidden units; left, right),
     * on its left, k chosen so that labels stand at least about 1.6 lines apart on screen: enough to count along
     * the columns (all columns of a kind share the order) without covering the drawing.
     */
    private static void drawEveryKthLabel(Graphics2D g, GraphDrawing d, View v, Color fg, double[] xs, double[] ys) {
        double k = v.look() == null ? 1 : v.look().strokeScale();
        java.awt.FontMetrics fm = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(10 * k)));
        double pitch = 1.6 * fm.getHeight() / Math.max(1e-9, v.scale());
        g.setFont(fm.getFont());
        g.setColor(alpha(fg, 0.75));
        double[] firstX = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY};
        for (int i = 0; i < xs.length; i++) {
            firstX[d.kind()[i]] = Math.min(firstX[d.kind()[i]], d.x()[i]);
        }
        for (int i = 0; i < xs.length; i++) {
            if (d.x()[i] != firstX[d.kind()[i]]) {
                continue;
            }
            int unit = unitOf(d.labels()[i]);
            // vertex pitch in layout units is about 1 for hidden columns and up to 3 for inputs
            double spacing = Math.abs(i + 1 < xs.length && d.x()[i + 1] == d.x()[i] ? d.y()[i + 1] - d.y()[i] : 1);
            int every = Math.max(1, (int) Math.ceil(pitch / Math.max(1e-9, spacing)));
            every = every <= 1 ? 1 : every <= 2 ? 2 : every <= 5 ? 5 : every <= 10 ? 10 : every <= 16 ? 16
                    : every <= 32 ? 32 : 64;
            if (unit < 0 || unit % every != 0 || ys[i] < 20 || ys[i] > v.height() || xs[i] < 0 || xs[i] > v.width()) {
                continue;
            }
            // a bipartite drawing's right column has nothing to its right to collide with; unfolded columns do
            boolean right = d.kind()[i] == GraphDrawing.RIGHT;
            String t = String.valueOf(unit);
            float lx = (float) (right ? xs[i] + 6 * k : xs[i] - 6 * k - fm.stringWidth(t));
            g.drawString(t, lx, (float) (ys[i] + fm.getAscent() * 0.35));
        }
    }

    /** The unit number of a label: 17 of {@code h2[17]}, 4 of {@code L4}; -1 when there is none. */
    static int unitOf(String label) {
        int open = label.indexOf('[');
        int close = label.indexOf(']');
        String digits = open >= 0 && close > open ? label.substring(open + 1, close) : label.substring(1);
        int u = 0;
        for (int c = 0; c < digits.length(); c++) {
            char ch = digits.charAt(c);
            if (ch < '0' || ch > '9' || c > 8) {
                return -1;
            }
            u = 10 * u + (ch - '0');
        }
        return digits.isEmpty() ? -1 : u;
    }

    /** The edges with exactly one end in the highlighted set: the cut E(S, V \ S) of a Cheeger set. */
    private static void drawCutEdges(Graphics2D g, GraphDrawing d, boolean[] hl, double[] xs, double[] ys,
                                     float width) {
        Path2D.Double p = new Path2D.Double();
        for (int e = 0; e < d.edgeFrom().length; e++) {
            int a = d.edgeFrom()[e];
            int b = d.edgeTo()[e];
            if (a < hl.length && b < hl.length && hl[a] != hl[b]) {
                p.moveTo(xs[a], ys[a]);
                p.lineTo(xs[b], ys[b]);
            }
        }
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(alpha(HIGHLIGHT, 0.9));
        g.draw(p);
    }

    private static void drawVertices(Graphics2D g, GraphDrawing d, View v, Look look, double[] xs, double[] ys) {
        double k = look.strokeScale();
        boolean contrast = look.contrast();
        double r = k * (look.teaching() ? Math.max(4, Math.min(9, v.scale() * 0.12))
                : Math.max(1.5, Math.min(5, v.scale() * 0.35)));
        // the teaching look's dots and labels fit their rows: at 200 % in a short pane they ran into each other
        double row = look.teaching() ? rowGap(d) * v.scale() : Double.POSITIVE_INFINITY;
        r = Math.max(2, Math.min(r, 0.25 * row));
        float labelSize = (float) Math.max(7, Math.min(12 * k, 0.8 * row));
        Color fg = contrast ? Color.WHITE : v.dark() ? new Color(0xe6e6e6) : new Color(0x222222);
        Color input = contrast ? new Color(0xffff00) : v.dark() ? new Color(0xc9a0ff) : new Color(0x6a3d9a);
        Color hidden = contrast ? Color.WHITE : v.dark() ? new Color(0xe6e6e6) : new Color(0x333333);
        boolean[] hl = v.highlight();
        double[] values = look.vertexValues();
        g.setStroke(new BasicStroke((float) (1.5 * k)));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(labelSize)));
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] < -10 || ys[i] < -10 || xs[i] > v.width() + 10 || ys[i] > v.height() + 10) {
                continue;
            }
            boolean isInput = d.kind()[i] == GraphDrawing.INPUT || d.kind()[i] == GraphDrawing.LEFT;
            boolean highlighted = hl != null && i < hl.length && hl[i];
            Ellipse2D dot = new Ellipse2D.Double(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
            if (values != null && i < values.length) {
                g.setColor(diverging(values[i]));
                g.fill(dot);
                g.setColor(alpha(fg, 0.8));
                g.draw(dot);
                if (highlighted) {
                    ring(g, xs[i], ys[i], r + 3 * k, HIGHLIGHT, 2.5 * k);
                }
            } else if (highlighted) {
                g.setColor(HIGHLIGHT);
                g.fill(new Ellipse2D.Double(xs[i] - 1.6 * r, ys[i] - 1.6 * r, 3.2 * r, 3.2 * r));
            } else {
                g.setColor(isInput ? input : hidden);
                g.fill(dot);
            }
            if (d.isolated()[i]) {
                ring(g, xs[i], ys[i], r + 2 * k, new Color(0xe53935), 1.5 * k);
            }
            byte sp = v.spread() == null || i >= v.spread().state().length ? SpreadOverlay.NONE
                    : v.spread().state()[i];
            if (sp != SpreadOverlay.NONE) {
                // the set as a dark square, units reached as orange dots, the last step's front lighter and ringed
                double big = Math.max(r * 1.5, 3.5 * k);
                if (sp == SpreadOverlay.START) {
                    g.setColor(SPREAD.darker());
                    g.fill(new java.awt.geom.Rectangle2D.Double(xs[i] - big, ys[i] - big, 2 * big, 2 * big));
                } else {
                    g.setColor(sp == SpreadOverlay.FRONT ? FRONT : SPREAD);
                    g.fill(new Ellipse2D.Double(xs[i] - big, ys[i] - big, 2 * big, 2 * big));
                    if (sp == SpreadOverlay.FRONT) {
                        ring(g, xs[i], ys[i], big, SPREAD.darker(), Math.max(1, 0.8 * k));
                    }
                }
            }
            if (look.teaching()) {
                String label = d.labels()[i];
                int w = g.getFontMetrics().stringWidth(label);
                double gap = 1.8 * r + 4 * k;
                float lx = (float) (isInput ? xs[i] - gap - w : xs[i] + gap);
                g.setColor(alpha(fg, 0.85));
                g.drawString(label, lx, (float) (ys[i] + g.getFontMetrics().getAscent() * 0.35));
            }
        }
    }

    private static void ring(Graphics2D g, double x, double y, double radius, Color c, double width) {
        g.setStroke(new BasicStroke((float) width));
        g.setColor(c);
        g.draw(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    /** Blue for -1, light grey for 0, red for +1 (a diverging map that stays legible on light and dark). */
    static Color diverging(double t) {
        // Blue-grey-red (after ColorBrewer's RdBu): the sign of a singular-vector entry is what the eye must read, and
        // a diverging map with a neutral middle shows sign and size without implying an order of hues.
        double a = Math.max(-1, Math.min(1, Double.isFinite(t) ? t : 0));
        Color mid = new Color(0xeeeeee);
        Color end = a < 0 ? new Color(0x2166ac) : new Color(0xd6301d);
        double f = Math.abs(a);
        return new Color((int) Math.round(mid.getRed() + f * (end.getRed() - mid.getRed())),
                (int) Math.round(mid.getGreen() + f * (end.getGreen() - mid.getGreen())),
                (int) Math.round(mid.getBlue() + f * (end.getBlue() - mid.getBlue())));
    }

    /** One path of the edges whose strength lies in (lo, hi] (all edges when strengths are null). */
    private static Path2D path(int[] from, int[] to, float[] strength, float lo, float hi, double[] xs, double[] ys) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, Math.max(16, from.length * 2));
        for (int e = 0; e < from.length; e++) {
            if (strength != null && !(strength[e] > lo && strength[e] <= hi)) {
                continue;
            }
            p.moveTo(xs[from[e]], ys[from[e]]);
            p.lineTo(xs[to[e]], ys[to[e]]);
        }
        return p;
    }

    private static Color alpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * Math.max(0, Math.min(1, a))));
    }

    /** The smallest distance between two vertices of one column (infinity when no column has two). */
    static double rowGap(GraphDrawing d) {
        Map<Double, List<Double>> columns = new HashMap<>();
        for (int i = 0; i < d.vertexCount(); i++) {
            columns.computeIfAbsent(d.x()[i], x -> new ArrayList<>()).add(d.y()[i]);
        }
        double gap = Double.POSITIVE_INFINITY;
        for (List<Double> ys : columns.values()) {
            gap = Math.min(gap, smallestGap(ys.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return gap;
    }

    /** The smallest positive difference between two of {@code values} (infinity when there is none). */
    static double smallestGap(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < sorted.length; i++) {
            double g = sorted[i] - sorted[i - 1];
            if (g > 1e-9) {
                gap = Math.min(gap, g);
            }
        }
        return gap;
    }
}
