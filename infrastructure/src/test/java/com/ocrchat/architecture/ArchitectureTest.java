package com.ocrchat.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ocrchat.local.TestServer;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rules the structure promises, checked on the compiled main classes of every module. */
class ArchitectureTest {
    /** Every module's compiled main classes (the testing module's too: it is not deployed, but it is ours). */
    private static final JavaClasses MAIN = new ClassFileImporter().importPaths(mainClasses());
    /** Where handlers answer API Gateway: the only code that knows HTTP. */
    private static final String[] EDGE = {
        "com.ocrchat.http..", "com.ocrchat.events..", "com.ocrchat.functions..", "com.ocrchat.local.."
    };

    @Test
    void onlyTheEdgeKnowsHttp() {
        noClasses()
                .that()
                .resideOutsideOfPackages(EDGE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.ocrchat.http..", "com.amazonaws.services.lambda.runtime.events..")
                .check(MAIN);
    }

    @Test
    void theDomainKnowsNeitherAwsNorTheEngine() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "com.ocrchat.job..",
                        "com.ocrchat.metering..",
                        "com.ocrchat.auth..",
                        "com.ocrchat.page..",
                        "com.ocrchat.tools..",
                        "com.ocrchat.language..",
                        "com.ocrchat.store..",
                        "com.ocrchat.account..",
                        "com.ocrchat.conversation..",
                        "com.ocrchat.error..",
                        "com.ocrchat.settings..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "software.amazon.awssdk..",
                        "com.ocrchat.aws..",
                        "com.ocrchat.ocr..",
                        "net.sourceforge.tess4j..",
                        "org.apache.pdfbox..",
                        "com.github.pemistahl..")
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("com.ocrchat.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noMainSourceFileIsLongerThanAFewScreens() throws IOException {
        Path root = TestServer.repositoryRoot();
        List<String> long_;
        try (Stream<Path> files = Files.walk(root)) {
            long_ = files.filter(file ->
                            file.toString().endsWith(".java") && file.toString().contains("/src/main/"))
                    .filter(file -> !file.toString().contains("/target/"))
                    .filter(file -> lines(file) > 300)
                    .map(file -> root.relativize(file) + " (" + lines(file) + " lines)")
                    .toList();
        }
        assertEquals(List.of(), long_);
    }

    private static List<Path> mainClasses() {
        Path root = TestServer.repositoryRoot();
        List<Path> found = new java.util.ArrayList<>();
        try { // folders only, and past files that vanish meanwhile (test reports being written)
            Files.walkFileTree(root, java.util.Set.of(), 5, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(
                        Path folder, java.nio.file.attribute.BasicFileAttributes attributes) {
                    if (folder.endsWith(Path.of("target", "classes")) && Files.isDirectory(folder.resolve("com"))) {
                        found.add(folder);
                        return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException failure) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
