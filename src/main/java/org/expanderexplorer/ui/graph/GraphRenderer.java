package org.expanderexplorer.ui.graph;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Rasterises a {@link GraphDrawing} with Java2D into an image, off the JavaFX thread. Edges are batched into a few
 * opacity buckets by |w| (one path each), ghosts of pruned edges are one faint path, vertices are dots, vertices
 * isolated by pruning get a red ring, highlighted vertices (a cut set) are orange.
 *
 * <p>Why not draw on a JavaFX Canvas: its commands are replayed by the render thread, and tens of thousands of
 * anti-aliased segments there stall every pulse while the slider moves; an image costs the UI one blit.
 */
public final class GraphRenderer {

    static final Color[] GATE_COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e)};
    private static final int BUCKETS = 6;

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
     */
    public record View(int width, int height, double pixelScale, double scale, double offsetX, double offsetY,
                       boolean dark, boolean[] highlight) {
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
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(v.pixelScale(), v.pixelScale());
            draw(g, d, v);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void draw(Graphics2D g, GraphDrawing d, View v) {
        Color bg = v.dark() ? new Color(0x23252b) : Color.WHITE;
        Color fg = v.dark() ? new Color(0xe6e6e6) : new Color(0x222222);
        g.setColor(bg);
        g.fillRect(0, 0, v.width(), v.height());
        if (d == null || d.vertexCount() == 0) {
            return;
        }
        double[] xs = new double[d.vertexCount()];
        double[] ys = new double[d.vertexCount()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = v.offsetX() + v.scale() * d.x()[i];
            ys[i] = v.offsetY() + v.scale() * d.y()[i];
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(alpha(fg, 0.7));
        for (int c = 0; c < d.columns().length; c++) {
            String t = d.columnTitles()[c];
            int w = g.getFontMetrics().stringWidth(t);
            g.drawString(t, (float) (v.offsetX() + v.scale() * d.columns()[c] - w / 2.0), 16f);
        }
        float lw = (float) Math.max(0.4, Math.min(1.5, v.scale() * 0.12));
        g.setStroke(new BasicStroke(lw));
        if (d.ghostFrom().length > 0) {
            g.setColor(alpha(fg, 0.07));
            g.draw(path(d.ghostFrom(), d.ghostTo(), null, 0, 0, xs, ys));
        }
        Color edge = d.gate() >= 0 ? GATE_COLOURS[d.gate()] : (v.dark() ? new Color(0x6fb7ff) : new Color(0x1f4e79));
        double density = Math.min(1.0, 3000.0 / Math.max(1, d.edgeFrom().length));
        for (int b = 0; b < BUCKETS; b++) {
            float lo = (float) b / BUCKETS;
            float hi = (float) (b + 1) / BUCKETS;
            double a = (0.12 + 0.75 * hi) * (0.35 + 0.65 * density);
            g.setColor(alpha(edge, Math.min(1, a)));
            g.draw(path(d.edgeFrom(), d.edgeTo(), d.edgeStrength(), b == 0 ? -1f : lo, hi, xs, ys));
        }
        double r = Math.max(1.5, Math.min(5, v.scale() * 0.35));
        Color input = v.dark() ? new Color(0xc9a0ff) : new Color(0x6a3d9a);
        Color hidden = v.dark() ? new Color(0xe6e6e6) : new Color(0x333333);
        boolean[] hl = v.highlight();
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] < -10 || ys[i] < -10 || xs[i] > v.width() + 10 || ys[i] > v.height() + 10) {
                continue;
            }
            boolean isInput = d.kind()[i] == GraphDrawing.INPUT || d.kind()[i] == GraphDrawing.LEFT;
            if (hl != null && i < hl.length && hl[i]) {
                g.setColor(new Color(0xff7f0e));
                g.fill(new Ellipse2D.Double(xs[i] - 1.6 * r, ys[i] - 1.6 * r, 3.2 * r, 3.2 * r));
            } else {
                g.setColor(isInput ? input : hidden);
                g.fill(new Ellipse2D.Double(xs[i] - r, ys[i] - r, 2 * r, 2 * r));
            }
            if (d.isolated()[i]) {
                g.setColor(new Color(0xe53935));
                g.draw(new Ellipse2D.Double(xs[i] - r - 2, ys[i] - r - 2, 2 * r + 4, 2 * r + 4));
            }
        }
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
}
