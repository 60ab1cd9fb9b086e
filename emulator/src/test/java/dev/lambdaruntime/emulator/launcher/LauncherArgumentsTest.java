package dev.lambdaruntime.emulator.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.service.LocalLambdaService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LauncherArgumentsTest {

	@Test
	void helpIsAskedForWithHelp() {
		assertThat(LauncherArguments.parse("--port", "9000", "--help")).isEmpty();
	}

	@Test
	void commandMayFollowTheOptionsWithoutADoubleDash() {
		assertThat(LauncherArguments.parse("--port", "9000", "./bootstrap")).isPresent();
	}

	@Test
	void commandIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--port", "9000", "--"))
			.withMessageContaining("No command");
	}

	@Test
	void withoutACommandTheJarIsALocalLambdaService() {
		LauncherArguments arguments = LauncherArguments.parse(Map.of(), "--port", "0").orElseThrow();

		assertThat(arguments.builder()).isNull();
		try (LocalLambdaService service = Objects.requireNonNull(arguments.service()).build()) {
			assertThat(service.endpoint()).matches("http://127\\.0\\.0\\.1:\\d+");
		}
	}

	@Test
	void optionsOfTheRuntimeNeedACommand() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--memory", "256"))
			.withMessageContaining("--memory needs a command to run as the runtime");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherArguments.parse("--code-directory", "functions", "--", "x"))
			.withMessageContaining("--code-directory is an option of the local Lambda service");
	}

	@Test
	void unknownOptionIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--colour", "red", "--", "x"))
			.withMessage("Unknown option --colour");
	}

	@Test
	void optionWithoutAValueIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--port"))
			.withMessage("--port needs a value");
	}

	@Test
	void numbersAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--port", "http", "--", "x"))
			.withMessage("--port needs a whole number, not 'http'");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--timeout", "soon", "--", "x"))
			.withMessage("--timeout needs a number of seconds, not 'soon'");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--timeout", "0", "--", "x"))
			.withMessageContaining("positive");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--memory", "64", "--", "x"))
			.withMessageContaining("128 to 10240");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherArguments.parse("--max-concurrency", "0", "--", "x"))
			.withMessageContaining("at least 1");
	}

	@Test
	void maxQueuedMegabytesIsChecked() {
		assertThat(LauncherArguments.parse("--max-queued-mb", "64", "--", "x")).isPresent();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherArguments.parse("--max-queued-mb", "0", "--", "x"))
			.withMessage("The maximum of queued event bytes must be at least 1, not 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherArguments.parse("--max-queued-mb", "lots", "--", "x"))
			.withMessageContaining("--max-queued-mb needs a whole number");
	}

	@Test
	void stopTimeoutIsChecked() {
		assertThat(LauncherArguments.parse("--stop-timeout", "120", "--", "x")).isPresent();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherArguments.parse("--stop-timeout", "later", "--", "x"))
			.withMessage("--stop-timeout needs a number of seconds, not 'later'");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--stop-timeout", "0", "--", "x"))
			.withMessage("The stop timeout must be positive, not PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherArguments.parse("--stop-timeout=-1", "--", "x"))
			.withMessage("The stop timeout must be positive, not PT-1S");
	}

	@Test
	void runtimeInterfaceEmulatorVariablesSetTheDefaults() {
		try (LambdaEmulatorLauncher launcher = LauncherArguments
			.parse(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders", "AWS_LAMBDA_FUNCTION_TIMEOUT", "7"), "--port", "0",
					"--", "sleep", "60")
			.orElseThrow()
			.builder()
			.start()) {
			assertThat(launcher.emulator().functionName()).isEqualTo("orders");
			assertThat(launcher.emulator().timeoutOf(InvocationRequest.of("{}"))).isEqualTo(Duration.ofSeconds(7));
		}
	}

	@Test
	void optionsOverrideTheVariables() {
		try (LambdaEmulatorLauncher launcher = LauncherArguments
			.parse(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders"), "--port", "0", "--function-name", "invoices", "--",
					"sleep", "60")
			.orElseThrow()
			.builder()
			.start()) {
			assertThat(launcher.emulator().functionName()).isEqualTo("invoices");
		}
	}

	@Test
	void wrongVariableIsNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherArguments.parse(Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "lots"), "--", "x"))
			.withMessage("AWS_LAMBDA_FUNCTION_MEMORY_SIZE: --memory needs a whole number, not 'lots'");
	}

	@Test
	void invokeTakesTheEventAsJson() {
		assertThat(LauncherArguments.parse("--invoke", "\"hello\"", "--", "x")).get()
			.extracting(LauncherArguments::event)
			.isEqualTo("\"hello\"");
		assertThat(LauncherArguments.parse("--", "x")).get().extracting(LauncherArguments::event).isNull();
	}

	@Test
	void invokeRefusesAnEventThatIsNotJson() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--invoke", "hello", "--", "x"))
			.withMessage("--invoke needs a JSON text, such as '{}' or '\"hello\"', not 'hello'");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherArguments.parse("--invoke", "", "--", "x"))
			.withMessageStartingWith("--invoke needs a JSON text");
	}

	@Test
	void invokeListensOnAFreePortUnlessGivenOne() throws IOException {
		try (LambdaEmulatorLauncher launcher = start("--invoke", "{}", "--", "sleep", "60")) {
			assertThat(launcher.emulator().port()).isPositive().isNotEqualTo(LauncherArguments.DEFAULT_PORT);
		}
	}

	@Test
	void invokeKeepsTheGivenPort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (LambdaEmulatorLauncher launcher = start("--invoke", "{}", "--port", Integer.toString(port), "--", "sleep",
				"60")) {
			assertThat(launcher.emulator().port()).isEqualTo(port);
		}
	}

	private static LambdaEmulatorLauncher start(String... args) {
		return LauncherArguments.parse(args).orElseThrow().builder().start();
	}

}
