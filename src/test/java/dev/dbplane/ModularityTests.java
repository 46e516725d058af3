package dev.dbplane;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package boundaries of STYLE.md: the HTTP edge holds no persistence, security asks
 * the families nothing, and no package depends on itself through others.
 */
class ModularityTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.dbplane");
	}

	@Test
	void whenWebIsCompiledThenItUsesNoPersistenceOrTransactionCode() {
		noClasses().that()
			.resideInAPackage("dev.dbplane.web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.dbplane.persistence..", "jakarta.persistence..", "org.hibernate..",
					"org.springframework.jdbc..", "org.springframework.orm..", "org.springframework.transaction..",
					"org.springframework.dao..", "org.springframework.data..", "java.sql..", "javax.sql..")
			.check(classes);
	}

	@Test
	void whenSecurityIsCompiledThenItUsesNoFeaturePackage() {
		noClasses().that()
			.resideInAPackage("dev.dbplane.security..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.dbplane.harness..", "dev.dbplane.planetscale..")
			.check(classes);
	}

	@Test
	void whenPackagesAreComparedThenNoneDependsOnItselfThroughAnother() {
		slices().matching("dev.dbplane.(*)..").should().beFreeOfCycles().check(classes);
	}

}
