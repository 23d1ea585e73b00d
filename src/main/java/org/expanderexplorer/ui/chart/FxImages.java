package org.expanderexplorer.ui.chart;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.Objects;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Java2D images handed to JavaFX without a pixel conversion on the render thread.
 *
 * <p>{@code SwingFXUtils.toFXImage} stores the pixels as byte BGRA, which the software pipeline converts to its
 * int ARGB-premultiplied textures on the render thread every time an image is shown for the first time: during a
 * slider drag, with four charts and the graph redrawn, that conversion was the render thread's largest cost. Here
 * the image is converted (if need be) to {@code TYPE_INT_ARGB_PRE} on the calling worker thread and its int array
 * is wrapped in a {@link PixelBuffer} in JavaFX's own int ARGB-premultiplied format, without a copy.
 */
public final class FxImages {

    private FxImages() {
    }

    /**
     * A JavaFX image showing {@code img}. The result shares {@code img}'s pixels when it is
     * {@code TYPE_INT_ARGB_PRE}: do not draw into it afterwards. Callable from any thread.
     */
    public static Image of(BufferedImage img) {
        Objects.requireNonNull(img, "img");
        BufferedImage pre = img;
        if (img.getType() != BufferedImage.TYPE_INT_ARGB_PRE) {
            pre = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g = pre.createGraphics();
            try {
                g.drawImage(img, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        int[] pixels = ((DataBufferInt) pre.getRaster().getDataBuffer()).getData();
        PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(pre.getWidth(), pre.getHeight(), IntBuffer.wrap(pixels),
                PixelFormat.getIntArgbPreInstance());
        return new WritableImage(buffer);
    }
}
