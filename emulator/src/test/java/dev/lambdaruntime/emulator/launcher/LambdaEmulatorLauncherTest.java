package dev.lambdaruntime.emulator.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.InvokeClient;
import dev.lambdaruntime.emulator.JavaCommand;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class LambdaEmulatorLauncherTest {

	/** How long a runtime that must be killed takes to stop after SIGTERM: ten minutes. */
	private static final String NEVER_STOPS = "600000";

	@TempDir
	Path directory;

	@Test
	void runtimeRunsWithTheLambdaEnvironment() throws Exception {
		LambdaEmulatorLauncher.Builder builder = LauncherArguments
			.parse(concat(List.of("--port", "0", "--function-name", "orders", "--memory=1024", "--handler", "orders",
					"--max-concurrency", "2", "--timeout", "42", "--"), JavaCommand.of(EnvironmentEchoRuntime.class)))
			.orElseThrow()
			.builder();
		try (LambdaEmulatorLauncher launcher = builder.output(this.directory.resolve("runtime.log")).start()) {
			long invokedAt = System.currentTimeMillis();
			InvocationResult result = launcher.emulator().invoke("{}").get(30, TimeUnit.SECONDS);
			long answeredAt = System.currentTimeMillis();

			JsonNode seen = JsonMapper.shared().readTree(result.payload());
			assertThat(seen.get("AWS_LAMBDA_RUNTIME_API").asString()).isEqualTo(launcher.emulator().runtimeApi());
			assertThat(seen.get("AWS_LAMBDA_FUNCTION_NAME").asString()).isEqualTo("orders");
			assertThat(seen.get("AWS_LAMBDA_FUNCTION_VERSION").asString()).isEqualTo("$LATEST");
			assertThat(seen.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asString()).isEqualTo("1024");
			assertThat(seen.get("AWS_LAMBDA_LOG_GROUP_NAME").asString()).isEqualTo("/aws/lambda/orders");
			assertThat(seen.get("AWS_LAMBDA_LOG_STREAM_NAME").asString())
				.matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
			assertThat(seen.get("AWS_LAMBDA_INITIALIZATION_TYPE").asString()).isEqualTo("on-demand");
			assertThat(seen.get("AWS_LAMBDA_MAX_CONCURRENCY").asString()).isEqualTo("2");
			assertThat(seen.get("AWS_REGION").asString()).isNotBlank();
			assertThat(seen.get("AWS_EXECUTION_ENV").asString()).startsWith("AWS_Lambda_");
			assertThat(seen.get("_HANDLER").asString()).isEqualTo("orders");
			assertThat(seen.get("LAMBDA_TASK_ROOT").asString()).isEqualTo(Path.of("").toAbsolutePath().toString());
			assertThat(seen.get("deadline").asLong()).isBetween(invokedAt + 42_000, answeredAt + 42_000);
		}
	}

	@Test
	void handlerIsTheCommandsLastArgumentAsInTheRuntimeInterfaceEmulator() throws Exception {
		try (LambdaEmulatorLauncher launcher = start(
				LambdaEmulatorLauncher.builder(JavaCommand.of(EnvironmentEchoRuntime.class, "index.handler")))) {
			JsonNode seen = JsonMapper.shared()
				.readTree(launcher.emulator().invoke("{}").get(30, TimeUnit.SECONDS).payload());

			assertThat(seen.get("_HANDLER").asString()).isEqualTo("index.handler");
			assertThat(seen.get("TZ").asString()).isEqualTo(":UTC");
			assertThat(seen.get("LAMBDA_RUNTIME_DIR").asString()).isEqualTo(Path.of("").toAbsolutePath().toString());
		}
	}

	@Test
	void runtimeOutputAndTheInvocationLinesGoToTheOutputFile() throws Exception {
		Path log = this.directory.resolve("runtime.log");
		try (LambdaEmulatorLauncher launcher = LambdaEmulatorLauncher
			.builder(JavaCommand.of(EventEchoRuntime.class))
			.output(log)
			.start()) {
			InvocationResult result = launcher.emulator().invoke("\"hi\"").get(30, TimeUnit.SECONDS);

			assertThat(Files.readAllLines(log)).contains("START RequestId: " + result.requestId() + " Version: $LATEST",
					"END RequestId: " + result.requestId())
				.anySatisfy((line) -> assertThat(line).startsWith("REPORT RequestId: " + result.requestId()));
		}
	}

	@Test
	void runtimeThatExitsFailsItsInvocationWithAnExitErrorAndIsRelaunched() throws Exception {
		Path marker = this.directory.resolve("crashed-once");
		try (LambdaEmulatorLauncher launcher = start(
				LambdaEmulatorLauncher.builder(JavaCommand.of(MisbehavingRuntime.class, marker.toString(), "exit")))) {
			InvokeClient invoker = new InvokeClient(launcher.emulator());

			HttpResponse<String> crashed = invoker.invokeAsync("{}").get(30, TimeUnit.SECONDS);
			HttpResponse<String> relaunched = invoker.invokeAsync("{}").get(30, TimeUnit.SECONDS);

			assertThat(crashed.statusCode()).isEqualTo(200);
			assertThat(crashed.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
			assertThat(RuntimeClient.jsonField(crashed.body(), "errorType")).isEqualTo("Runtime.ExitError");
			assertThat(RuntimeClient.jsonField(crashed.body(), "errorMessage"))
				.isEqualTo("RequestId: " + crashed.headers().firstValue("X-Amzn-Requestid").orElseThrow()
						+ " Error: Runtime exited with error: exit status " + MisbehavingRuntime.EXIT_STATUS);
			assertThat(relaunched.headers().firstValue("X-Amz-Function-Error")).isEmpty();
			assertThat(relaunched.body()).isEqualTo("\"relaunched\"");
		}
	}

	@Test
	void runtimeIsReplacedAfterAnInvocationTimesOut() throws Exception {
		Path marker = this.directory.resolve("hung-once");
		try (LambdaEmulatorLauncher launcher = start(LambdaEmulatorLauncher
			.builder(JavaCommand.of(MisbehavingRuntime.class, marker.toString(), "hang"))
			.timeout(Duration.ofSeconds(3)))) {
			// the timeout runs from the invoke: let the runtime start before it, so that it takes the event
			await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(marker));
			InvocationResult timedOut = launcher.emulator().invoke("{}").get(30, TimeUnit.SECONDS);
			// the timeout runs from the invoke, so the next one has time for the runtime to start again
			InvocationResult next = launcher.emulator()
				.invoke(InvocationRequest.builder("{}").timeout(Duration.ofSeconds(30)).build())
				.get(30, TimeUnit.SECONDS);

			assertThat(timedOut.errorType()).isEqualTo("Sandbox.Timedout");
			assertThat(next.isError()).isFalse();
			assertThat(next.payloadAsString()).isEqualTo("\"relaunched\"");
		}
	}

	@Test
	void runtimeThatExitsBeforeItsFirstNextFailsEachInvocationItIsLaunchedFor() throws Exception {
		try (LambdaEmulatorLauncher launcher = start(List.of("sh", "-c", "exit 7"))) {
			CompletableFuture<InvocationResult> first = launcher.emulator().invoke("1");
			CompletableFuture<InvocationResult> second = launcher.emulator().invoke("2");

			assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
				.allSatisfy((result) -> {
					assertThat(result.errorType()).isEqualTo("Runtime.ExitError");
					assertThat(result.payloadAsString()).contains("Runtime exited with error: exit status 7");
				});
		}
	}

	@Test
	void closeAsksTheRuntimeToStopWithSigterm() throws Exception {
		Path stopped = this.directory.resolve("stopped");
		Path pid = this.directory.resolve("pid");
		LambdaEmulatorLauncher launcher = start(List.of("sh", "-c", "trap 'echo TERM > " + stopped + "; exit 0' TERM; "
				+ "echo $$ > " + pid + "; while true; do sleep 1; done"));
		long runtimePid = awaitPid(pid);

		launcher.close();

		assertThat(ProcessHandle.of(runtimePid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(stopped).content().isEqualToIgnoringNewLines("TERM");
	}

	@Test
	void closeKillsARuntimeThatIgnoresSigterm() throws Exception {
		Path pid = this.directory.resolve("pid");
		LambdaEmulatorLauncher launcher = start(
				List.of("sh", "-c", "trap '' TERM; echo $$ > " + pid + "; while true; do sleep 1; done"));
		long runtimePid = awaitPid(pid);

		launcher.close();

		assertThat(ProcessHandle.of(runtimePid).filter(ProcessHandle::isAlive)).isEmpty();
	}

	@Test
	void closeLetsTheRuntimeFinishExitingWithinTheStopTimeout() throws Exception {
		LambdaEmulatorLauncher launcher = start(LauncherArguments
			.parse(concat(List.of("--port", "0", "--stop-timeout", "10", "--"),
					JavaCommand.of(EventEchoRuntime.class, this.directory.toString(), "1500")))
			.orElseThrow()
			.builder());
		long runtimePid = awaitPid(this.directory.resolve("pid"));

		launcher.close();

		assertThat(ProcessHandle.of(runtimePid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(this.directory.resolve("stopped")).exists();
	}

	@Test
	void closeKillsTheRuntimeWhenTheStopTimeoutRunsOut() throws Exception {
		LambdaEmulatorLauncher launcher = start(LambdaEmulatorLauncher
			.builder(JavaCommand.of(EventEchoRuntime.class, this.directory.toString(), NEVER_STOPS))
			.stopTimeout(Duration.ofSeconds(1)));
		long runtimePid = awaitPid(this.directory.resolve("pid"));

		launcher.close();

		assertThat(ProcessHandle.of(runtimePid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(this.directory.resolve("stopped")).doesNotExist();
	}

	@Test
	void commandThatCannotRunFailsTheStartAndFreesThePort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		LambdaEmulatorLauncher.Builder builder = LambdaEmulatorLauncher.builder(List.of("/no/such/runtime")).port(port);

		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(builder::start)
			.withMessage("Cannot run /no/such/runtime");
		LambdaEmulator.builder().port(port).build().close();
	}

	private LambdaEmulatorLauncher start(List<String> command) {
		return start(LambdaEmulatorLauncher.builder(command));
	}

	private LambdaEmulatorLauncher start(LambdaEmulatorLauncher.Builder builder) {
		return builder.output(this.directory.resolve("runtime.log")).start();
	}

	private static long awaitPid(Path pidFile) {
		return Long.parseLong(await().atMost(RuntimeClient.WAIT)
			.until(() -> Files.exists(pidFile) ? Files.readString(pidFile).trim() : "", (pid) -> !pid.isEmpty()));
	}

	private static String[] concat(List<String> first, List<String> second) {
		return Stream.concat(first.stream(), second.stream()).toArray(String[]::new);
	}

}
