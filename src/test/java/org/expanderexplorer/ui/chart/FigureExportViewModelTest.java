package org.expanderexplorer.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.expanderexplorer.core.report.FigureSize;
import org.junit.jupiter.api.Test;

/** The export dialog's choices, without a toolkit. */
class FigureExportViewModelTest {

    @Test
    void presetsFillTheFieldsAndEditingMakesTheSizeOnesOwn() {
        FigureExportViewModel vm = new FigureExportViewModel();
        assertThat(vm.sizeProperty().get()).isEqualTo(FigureSize.ONE_COLUMN);
        assertThat(vm.summaryProperty().get()).isEqualTo("2,008 x 1,512 pixels, text 8 to 11 pt");
        vm.presetProperty().set(FigureExportViewModel.Preset.SLIDE);
        assertThat(vm.widthProperty().get()).isEqualTo("13.33");
        assertThat(vm.dpiProperty().get()).isEqualTo("144");
        assertThat(vm.sizeProperty().get().pixelWidth()).isEqualTo(1920);
        vm.presetProperty().set(FigureExportViewModel.Preset.TWO_COLUMN);
        vm.widthProperty().set("12");
        assertThat(vm.presetProperty().get()).isEqualTo(FigureExportViewModel.Preset.CUSTOM);
        assertThat(vm.sizeProperty().get()).isEqualTo(new FigureSize(12, 8.9, FigureSize.Unit.CM, 600));
        vm.formatProperty().set(FigureExportViewModel.Format.SVG);
        assertThat(vm.summaryProperty().get()).startsWith("340.2 x 252.3 pt");
        assertThat(vm.choice()).isEqualTo(new FigureExportViewModel.Choice(vm.sizeProperty().get(),
                FigureExportViewModel.Format.SVG, false, false));
        // a slide shows its title, a journal figure leaves it to the caption
        vm.presetProperty().set(FigureExportViewModel.Preset.SLIDE);
        assertThat(vm.titleProperty().get()).isTrue();
        vm.presetProperty().set(FigureExportViewModel.Preset.ONE_COLUMN);
        assertThat(vm.titleProperty().get()).isFalse();
    }

    @Test
    void fieldsThatMakeNoSizeSayWhy() {
        FigureExportViewModel vm = new FigureExportViewModel();
        vm.widthProperty().set("wide");
        assertThat(vm.sizeProperty().get()).isNull();
        assertThat(vm.choice()).isNull();
        assertThat(vm.summaryProperty().get()).isEqualTo("Width, height and resolution must be numbers.");
        vm.widthProperty().set("80");
        assertThat(vm.summaryProperty().get()).contains("out of range");
        vm.widthProperty().set("8,5");
        assertThat(vm.sizeProperty().get().width()).isEqualTo(8.5);
        vm.dpiProperty().set("5000");
        assertThat(vm.summaryProperty().get()).startsWith("Resolution 5000 dpi is out of range");
    }
}
