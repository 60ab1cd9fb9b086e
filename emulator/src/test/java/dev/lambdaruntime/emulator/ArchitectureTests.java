package dev.lambdaruntime.emulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lambdaruntime.emulator.launcher.LambdaEmulatorLauncher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the boundaries of the emulator: its main code imports no Spring and nothing of the
 * modules built on it, and its sub-packages depend on each other one way only.
 */
class ArchitectureTests {

	private static JavaClasses emulator;

	@BeforeAll
	static void importEmulatorClasses() {
		emulator = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.lambdaruntime.emulator");
	}

	@Test
	void importsTheProductionClassesOfTheEmulator() {
		assertThat(emulator.contain(LambdaEmulator.class)).isTrue();
		assertThat(emulator.contain(LambdaEmulatorLauncher.class)).isTrue();
		assertThat(emulator.contain(ArchitectureTests.class)).as("test classes are left out").isFalse();
	}

	@Test
	void emulatorDependsOnNothingInSpring() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.because("the emulator runs with nothing but a JDK, and under any framework's tests")
			.check(emulator);
	}

	@Test
	void emulatorDependsOnNothingInTheModulesBuiltOnIt() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.lambdaruntime.autoconfigure..", "dev.lambdaruntime.test..")
			.check(emulator);
	}

	@Test
	void emulatorUsesOnlyTheJdkTheCoreAndItsFewLibraries() {
		classes().should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "com.sun.net.httpserver..", "dev.lambdaruntime.emulator..",
					"dev.lambdaruntime.runtime..", "org.slf4j..", "org.jspecify..", "tools.jackson..")
			.check(emulator);
	}

	@Test
	void runtimeApiKnowsFaultsOnlyThroughItsInterceptor() {
		noClasses().that()
			.resideInAPackage("dev.lambdaruntime.emulator.runtimeapi..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.lambdaruntime.emulator.faults..")
			.check(emulator);
	}

	@Test
	void emulatorDoesNotDependOnItsLauncher() {
		noClasses().that()
			.resideOutsideOfPackages("dev.lambdaruntime.emulator.launcher..", "dev.lambdaruntime.emulator.service..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.lambdaruntime.emulator.launcher..")
			.because("the launcher is built on the emulator, not the emulator on it; the local Lambda service "
					+ "runs each function with a launcher")
			.check(emulator);
	}

	@Test
	void onlyTheLauncherStartsTheLocalLambdaService() {
		noClasses().that()
			.resideOutsideOfPackages("dev.lambdaruntime.emulator.launcher..", "dev.lambdaruntime.emulator.service..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.lambdaruntime.emulator.service..")
			.because("the local Lambda service is built on the emulator and the launcher; the jar's entry point "
					+ "starts it when given no command")
			.check(emulator);
	}

}
