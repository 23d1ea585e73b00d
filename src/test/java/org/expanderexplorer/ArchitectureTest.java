package org.expanderexplorer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layer rules of the architecture: core knows nothing of JavaFX or the front ends; CLI and UI are apart. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.expanderexplorer");

    @Test
    void coreDoesNotUseJavaFx() {
        noClasses().that().resideInAPackage("org.expanderexplorer.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..")
                .check(CLASSES);
    }

    @Test
    void coreDoesNotUseFrontEnds() {
        noClasses().that().resideInAPackage("org.expanderexplorer.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.expanderexplorer.ui..",
                        "org.expanderexplorer.cli..")
                .check(CLASSES);
    }

    @Test
    void cliDoesNotUseUi() {
        noClasses().that().resideInAPackage("org.expanderexplorer.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.expanderexplorer.ui..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void uiDoesNotUseCli() {
        noClasses().that().resideInAPackage("org.expanderexplorer.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.expanderexplorer.cli..")
                .check(CLASSES);
    }

    @Test
    void graphDoesNotNeedModels() {
        noClasses().that().resideInAPackage("org.expanderexplorer.core.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("org.expanderexplorer.core.model..",
                        "org.deeplearning4j..", "org.nd4j..")
                .check(CLASSES);
    }
}
