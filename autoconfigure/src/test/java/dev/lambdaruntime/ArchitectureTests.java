package dev.lambdaruntime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lambdaruntime.autoconfigure.LambdaRuntimeAutoConfiguration;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.function.FunctionInvocationHandler;
import dev.lambdaruntime.runtime.RuntimeApiClient;
import dev.lambdaruntime.runtime.RuntimeLoop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the boundaries between the project's layers (DESIGN.md, "Layers"): the core and the
 * emulator import no Spring; the Spring layer imports neither the emulator nor the test support;
 * only the wiring, and the managed-runtime handler that starts an application, know the wiring.
 */
class ArchitectureTests {

	private static final String CORE = "dev.lambdaruntime.runtime..";

	private static final String WIRING = "dev.lambdaruntime.autoconfigure..";

	private static final String EVENTS = "dev.lambdaruntime.events..";

	private static final String[] SPRING_LAYER = { WIRING, "dev.lambdaruntime.function..", EVENTS,
			"dev.lambdaruntime.observation..", "dev.lambdaruntime.logging..", "dev.lambdaruntime.managed..",
			"dev.lambdaruntime.localrun.." };

	private static JavaClasses production;

	@BeforeAll
	static void importProductionClasses() {
		production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.lambdaruntime");
	}

	@Test
	void importsTheProductionClassesOfEveryLayer() {
		assertThat(production.contain(RuntimeLoop.class)).isTrue();
		assertThat(production.contain(RuntimeApiClient.class)).isTrue();
		assertThat(production.contain(LambdaRuntimeAutoConfiguration.class)).isTrue();
		assertThat(production.contain(FunctionInvocationHandler.class)).isTrue();
		assertThat(production.contain(LambdaEmulator.class)).isTrue();
		assertThat(production.contain(ArchitectureTests.class)).as("test classes are left out").isFalse();
	}

	@Test
	void runtimeCoreDependsOnNothingInSpring() {
		noClasses().that()
			.resideInAPackage(CORE)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.because("the core must stay framework-free; Spring only wires it")
			.check(production);
	}

	@Test
	void runtimeCoreUsesOnlyTheJdkAndItsFewLibraries() {
		classes().that()
			.resideInAPackage(CORE)
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", CORE, "org.slf4j..", "org.jspecify..", "tools.jackson..",
					"com.amazonaws.services.lambda.runtime..")
			.check(production);
	}

	@Test
	void emulatorDependsOnNothingInSpring() {
		noClasses().that()
			.resideInAPackage("dev.lambdaruntime.emulator..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.because("the emulator runs any function, Spring or not, and is a product of its own")
			.check(production);
	}

	@Test
	void springLayerDependsOnNeitherTheEmulatorNorTheTestSupport() {
		noClasses().that()
			.resideInAnyPackage(SPRING_LAYER)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.lambdaruntime.emulator..", "dev.lambdaruntime.test..")
			.because("production code never needs the emulator or the test support")
			.check(production);
	}

	@Test
	void onlyTheWiringAndTheManagedRuntimeHandlerKnowTheWiring() {
		noClasses().that()
			.resideOutsideOfPackages(WIRING, "dev.lambdaruntime.managed..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(WIRING)
			.because("the function adapter, the event mapping, observation and logging are wired, not wiring")
			.check(production);
	}

	@Test
	void eventMappingDependsOnNoOtherPartOfTheProject() {
		classes().that()
			.resideInAPackage(EVENTS)
			.should()
			.onlyDependOnClassesThat(resideInAPackage(EVENTS).or(resideOutsideOfPackage("dev.lambdaruntime..")))
			.because("the event mapping is plain Jackson for AWS's classes, used by the function adapter")
			.check(production);
	}

}
