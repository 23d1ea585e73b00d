package org.expanderexplorer;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.file.Path;
import java.util.Arrays;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.PyTorchNpz;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of the architecture: core knows nothing of JavaFX or the front ends; CLI and UI are apart; no
 * import cycles between packages or between the files of a package; the layering inside core of decision 0018.
 */
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

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.expanderexplorer.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * No cycles between the files of a package either: each top-level class with its nested classes is one slice.
     * (ArchUnit reads byte code, so a constant that the compiler inlines is invisible to it; such a reference is
     * rare and kept out by review.)
     */
    @Test
    void noCyclesBetweenFiles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String name = c.getName();
                int nested = name.indexOf('$');
                return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
            }

            @Override
            public String getDescription() {
                return "top-level classes with their nested classes";
            }
        }).should().beFreeOfCycles().check(CLASSES);
    }

    /** Core's own layering, bottom up (decision 0018): each package names the core packages it may use. */
    @Test
    void coreLayering() {
        mayUseOnly("io");
        mayUseOnly("data", "io");
        mayUseOnly("graph", "io");
        mayUseOnly("spectral", "graph", "io");
        // the ramanujan method keeps a spectral gap positive while it prunes: pruning reads spectral's gaps
        mayUseOnly("pruning", "spectral", "graph", "io");
        mayUseOnly("model", "data", "graph", "io");
        mayUseOnly("subject", "model", "data", "graph", "pruning", "io");
        mayUseOnly("sweep", "subject", "model", "data", "graph", "pruning", "spectral", "io");
        mayUseOnly("drawing", "sweep", "subject", "graph", "pruning", "spectral", "io");
        // results only: the sweep's and the spectral results with what they record (the ids that name graphs, the
        // pruning schedule of a sweep), numbers as text
        mayUseOnly("report", "sweep", "subject", "graph", "spectral", "pruning", "io");
        // runs of a sweep over seeds and their shards: a sweep per seed, written and summarised with report's tables
        mayUseOnly("experiment", "report", "sweep", "subject", "graph", "spectral", "pruning", "io");
    }

    /** {@code core.<pkg>} depends on no core package but {@code allowed} (and the root's shared helpers). */
    private static void mayUseOnly(String pkg, String... allowed) {
        String[] packages = Arrays.stream(allowed).map(a -> "org.expanderexplorer.core." + a + "..")
                .toArray(String[]::new);
        String[] withOwn = Arrays.copyOf(packages, packages.length + 2);
        withOwn[packages.length] = "org.expanderexplorer.core." + pkg + "..";
        withOwn[packages.length + 1] = "org.expanderexplorer.core";
        classes().that().resideInAPackage("org.expanderexplorer.core." + pkg + "..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.expanderexplorer..")
                        .or(resideInAnyPackage(withOwn)))
                .check(CLASSES);
    }

    /** The command line and the window read models through core.subject's one door (LoadedModel). */
    @Test
    void frontEndsReadModelsThroughTheSubjectDoor() {
        noClasses().that().resideInAnyPackage("org.expanderexplorer.cli..", "org.expanderexplorer.ui..")
                .should().callMethod(ModelFiles.class, "loadAny", Path.class)
                .orShould().callMethod(ModelFiles.class, "load", Path.class)
                .orShould().callMethod(PyTorchNpz.class, "load", Path.class)
                .check(CLASSES);
    }

    /** One JSON writer: no other class configures a Jackson mapper of its own. */
    @Test
    void oneJsonWriter() {
        noClasses().that().doNotBelongToAnyOf(Json.class).should().callConstructor(ObjectMapper.class)
                .check(CLASSES);
    }
}
