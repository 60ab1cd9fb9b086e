package dev.lambdaruntime.emulator.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.lambdaruntime.emulator.JavaCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code --invoke} mode of the launcher: one invocation, its response on standard output or
 * its error on standard error, the exit status, and the runtime stopped afterwards.
 */
@Timeout(60)
class LambdaEmulatorLauncherInvokeTest {

	private static final String PREFIX = "lambda-runtime-emulator: invocation failed: ";

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void responsePayloadIsPrintedAndTheRuntimeIsStoppedWithSigterm() throws Exception {
		List<String> runtime = JavaCommand.of(EventEchoRuntime.class, this.directory.toString());

		int status = invoke("{\"greeting\":\"hello\"}", runtime);

		assertThat(status).isZero();
		assertThat(out()).isEqualTo("{\"greeting\":\"hello\"}" + System.lineSeparator());
		assertThat(err()).isEmpty();
		assertThat(this.directory.resolve("stopped")).exists();
		assertThat(ProcessHandle.of(Long.parseLong(Files.readString(this.directory.resolve("pid"))))
			.filter(ProcessHandle::isAlive)).isEmpty();
	}

	@Test
	void functionErrorIsPrintedToStandardErrorWithStatus1() throws Exception {
		int status = invoke(EventEchoRuntime.FAILING_EVENT, JavaCommand.of(EventEchoRuntime.class));

		assertThat(status).isEqualTo(1);
		assertThat(out()).isEmpty();
		assertThat(err()).isEqualTo(PREFIX + EventEchoRuntime.ERROR_TYPE + ": " + EventEchoRuntime.ERROR
				+ System.lineSeparator());
	}

	@Test
	void runtimeThatExitsFailsWithAnExitError() throws Exception {
		int status = invoke("{}",
				JavaCommand.of(MisbehavingRuntime.class, this.directory.resolve("crashed").toString(), "exit"));

		assertThat(status).isEqualTo(1);
		assertThat(out()).isEmpty();
		assertThat(err()).startsWith(PREFIX + "Runtime.ExitError: ")
			.contains("Runtime exited with error: exit status " + MisbehavingRuntime.EXIT_STATUS);
	}

	@Test
	void invocationThatTimesOutFailsWithSandboxTimedout() throws Exception {
		int status = invoke("{}", List.of("--timeout", "1"),
				JavaCommand.of(MisbehavingRuntime.class, this.directory.resolve("hung").toString(), "hang"));

		assertThat(status).isEqualTo(1);
		assertThat(out()).isEmpty();
		assertThat(err()).startsWith(PREFIX + "Sandbox.Timedout: ").contains("Task timed out after 1.00 seconds");
	}

	@Test
	void initErrorFailsTheInvocation() throws Exception {
		int status = invoke("{}", JavaCommand.of("com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
				FailingInitHandler.class.getName() + "::handleRequest"));

		assertThat(status).isEqualTo(1);
		assertThat(out()).isEmpty();
		assertThat(err()).startsWith(PREFIX + "Runtime.BadFunctionCode: ").contains("No configuration found");
	}

	private int invoke(String event, List<String> command) {
		return invoke(event, List.of(), command);
	}

	private int invoke(String event, List<String> options, List<String> command) {
		String[] args = Stream.of(List.of("--invoke", event), options, List.of("--"), command)
			.flatMap(List::stream)
			.toArray(String[]::new);
		LauncherArguments arguments = LauncherArguments.parse(args).orElseThrow();
		LambdaEmulatorLauncher launcher = arguments.builder().output(this.directory.resolve("runtime.log")).start();
		return LambdaEmulatorLauncher.invoke(launcher, Objects.requireNonNull(arguments.event()),
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
