package dev.lambdaruntime.runtime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the boundary of the framework-free core: {@code dev.lambdaruntime.runtime} imports no
 * Spring and nothing of the layers built on it.
 */
class ArchitectureTests {

	private static JavaClasses runtime;

	@BeforeAll
	static void importRuntimeClasses() {
		runtime = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.lambdaruntime.runtime");
	}

	@Test
	void importsTheProductionClassesOfTheCore() {
		assertThat(runtime.contain(RuntimeLoop.class)).isTrue();
		assertThat(runtime.contain(RuntimeApiClient.class)).isTrue();
		assertThat(runtime.contain(ArchitectureTests.class)).as("test classes are left out").isFalse();
	}

	@Test
	void runtimeCoreDependsOnNothingInSpring() {
		noClasses().that()
			.resideInAPackage("dev.lambdaruntime.runtime..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.because("the core must stay framework-free; Spring only wires it")
			.check(runtime);
	}

	@Test
	void runtimeCoreDependsOnNothingInTheLayersAboveIt() {
		noClasses().that()
			.resideInAPackage("dev.lambdaruntime.runtime..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.lambdaruntime.autoconfigure..", "dev.lambdaruntime.test..")
			.check(runtime);
	}

	@Test
	void runtimeCoreUsesOnlyTheJdkAndItsFewLibraries() {
		classes().that()
			.resideInAPackage("dev.lambdaruntime.runtime..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "dev.lambdaruntime.runtime..", "org.slf4j..", "org.jspecify..",
					"tools.jackson..", "com.amazonaws.services.lambda.runtime..")
			.check(runtime);
	}

}
