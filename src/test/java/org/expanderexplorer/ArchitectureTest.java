package org.expanderexplorer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
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

    /**
     * MVVM in the window: views (the classes named *View, the window and its dialogs' frame) never call core
     * services; only ViewModels do. Views may hold and read core value types: records (results, requests,
     * snapshots, figures) and enums (pruning method, scope, cell type), and pass other core objects along.
     */
    @Test
    void viewsNeverCallCoreServices() {
        DescribedPredicate<JavaClass> views = new DescribedPredicate<>("views of the window") {
            @Override
            public boolean test(JavaClass c) {
                return c.getPackageName().startsWith("org.expanderexplorer.ui")
                        && (c.getSimpleName().endsWith("View") || c.getSimpleName().equals("MainWindow")
                        || c.getSimpleName().equals("TrainingDialog") || c.getSimpleName().equals("FxDialogService")
                        || c.getEnclosingClass().map(e -> e.getSimpleName().endsWith("View")).orElse(false));
            }
        };
        DescribedPredicate<JavaAccess<?>> coreService = new DescribedPredicate<>("a core service (a core class "
                + "other than a record, an enum or an exception)") {
            @Override
            public boolean test(JavaAccess<?> a) {
                JavaClass owner = a.getTargetOwner();
                return owner.getPackageName().startsWith("org.expanderexplorer.core") && !owner.isRecord()
                        && !owner.isEnum() && !owner.isAssignableTo(Throwable.class);
            }
        };
        noClasses().that(views).should().accessTargetWhere(coreService).check(CLASSES);
    }
}
