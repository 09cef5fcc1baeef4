package org.spinepathway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering inside every feature, checked on the WAR's compiled classes (README, "Layout"):
 * pages sit on top, so nothing below them reaches into {@code web}; rules in {@code control} are
 * plain code, callable from the API, the pages and the jobs alike.
 */
@AnalyzeClasses(packages = "org.spinepathway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule web_isUsedByNoBoundaryControlOrEntity =
            noClasses().that().resideInAnyPackage("org.spinepathway.*.boundary..", "org.spinepathway.*.control..",
                            "org.spinepathway.*.entity..")
                    .should().dependOnClassesThat().resideInAPackage("org.spinepathway.*.web..");

    @ArchTest
    static final ArchRule control_knowsNeitherFacesNorHttp =
            noClasses().that().resideInAPackage("org.spinepathway.*.control..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "jakarta.faces..", "jakarta.servlet..", "jakarta.ws.rs..", "org.primefaces..");
}
