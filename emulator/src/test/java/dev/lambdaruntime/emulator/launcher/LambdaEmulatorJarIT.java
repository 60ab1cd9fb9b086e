package dev.lambdaruntime.emulator.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lambdaruntime.emulator.JavaCommand;
import dev.lambdaruntime.emulator.RuntimeClient;
import dev.lambdaruntime.emulator.service.FunctionZips;
import dev.lambdaruntime.emulator.service.LambdaClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the built {@code lambda-runtime-emulator-VERSION-exec.jar} as a user does:
 * {@code java -jar}, a runtime command, curl's request, and SIGTERM to stop; or {@code --invoke}
 * for one invocation.
 */
@Timeout(90)
class LambdaEmulatorJarIT {

	private static final Pattern CURL_LINE = Pattern.compile("curl -d '\\{}' (http://\\S+)");

	private static final Pattern SERVICE_LINE = Pattern.compile("Local Lambda service listening on (http://\\S+);");

	@TempDir
	Path directory;

	@Test
	void jarServesTheRuntimeAndThePageUntilSigterm() throws Exception {
		Path log = this.directory.resolve("emulator.log");
		List<String> options = List.of("--port", "0", "--function-name", "orders");
		Process emulator = new ProcessBuilder(jarCommand(options, JavaCommand.of(EnvironmentEchoRuntime.class)))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			String invokeUrl = await().atMost(RuntimeClient.WAIT)
				.until(() -> CURL_LINE.matcher(Files.readString(log)), Matcher::find)
				.group(1);

			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(invokeUrl)).POST(BodyPublishers.ofString("{}")).build(),
						BodyHandlers.ofString());
			HttpResponse<String> page = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(invokeUrl).resolve("/emulator/")).build(), BodyHandlers.ofString());

			assertThat(invokeUrl).matches("http://127\\.0\\.0\\.1:\\d+/2015-03-31/functions/orders/invocations");
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode seen = JsonMapper.shared().readTree(response.body());
			assertThat(seen.get("AWS_LAMBDA_FUNCTION_NAME").asString()).isEqualTo("orders");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("<title>Lambda emulator</title>", "value=\"orders\"");
			long runtimePid = seen.get("pid").asLong();

			emulator.destroy();

			assertThat(emulator.waitFor(20, TimeUnit.SECONDS)).isTrue();
			assertThat(ProcessHandle.of(runtimePid).filter(ProcessHandle::isAlive)).isEmpty();
			assertThat(log).content().contains("[INFO] Runtime started (pid " + runtimePid + ")");
		}
		finally {
			emulator.destroyForcibly();
		}
	}

	@Test
	void jarWithoutACommandIsALocalLambdaServiceThatTheSdkDeploysInto() throws Exception {
		Path log = this.directory.resolve("service.log");
		Path code = Files.createDirectory(this.directory.resolve("code"));
		Process service = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", System.getProperty("emulator.jar"), "--port", "0", "--code-directory", code.toString()))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			String endpoint = await().atMost(RuntimeClient.WAIT)
				.until(() -> SERVICE_LINE.matcher(Files.readString(log)), Matcher::find)
				.group(1);
			byte[] zip = FunctionZips.echoing(this.directory, "v1");

			try (LambdaClient lambda = LambdaClients.of(endpoint)) {
				lambda.createFunction((request) -> request.functionName("deployed")
					.runtime("provided.al2023")
					.handler("bootstrap")
					.role("arn:aws:iam::000000000000:role/lambda")
					.code((function) -> function.zipFile(SdkBytes.fromByteArray(zip))));
				String answer = lambda.invoke((request) -> request.functionName("deployed")).payload().asUtf8String();

				assertThat(JsonMapper.shared().readTree(answer).get("code").asString()).isEqualTo("v1");
			}
			service.destroy();

			assertThat(service.waitFor(20, TimeUnit.SECONDS)).isTrue();
			assertThat(code).isEmptyDirectory();
		}
		finally {
			service.destroyForcibly();
		}
	}

	@Test
	void jarInvokesOnceAndPrintsOnlyTheResponseToStandardOutput() throws Exception {
		Path out = this.directory.resolve("out");
		Path err = this.directory.resolve("err");

		int status = runToEnd(jarCommand(List.of("--invoke", "{\"greeting\":\"hello\"}"),
				JavaCommand.of(EventEchoRuntime.class)), out, err);

		assertThat(status).isZero();
		assertThat(out).content().isEqualTo("{\"greeting\":\"hello\"}\n");
		assertThat(err).content()
			.contains("[INFO] Runtime started", EventEchoRuntime.STARTED_LINE, EventEchoRuntime.EXITING_LINE)
			.doesNotContain("curl");
	}

	@Test
	void jarExitsWithStatus1WhenTheInvocationFails() throws Exception {
		Path out = this.directory.resolve("out");
		Path err = this.directory.resolve("err");

		int status = runToEnd(jarCommand(List.of("--invoke", EventEchoRuntime.FAILING_EVENT),
				JavaCommand.of(EventEchoRuntime.class)), out, err);

		assertThat(status).isEqualTo(1);
		assertThat(out).isEmptyFile();
		assertThat(err).content()
			.contains("lambda-runtime-emulator: invocation failed: " + EventEchoRuntime.ERROR_TYPE + ": "
					+ EventEchoRuntime.ERROR);
	}

	private static List<String> jarCommand(List<String> options, List<String> runtimeCommand) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						System.getProperty("emulator.jar")));
		command.addAll(options);
		command.add("--");
		command.addAll(runtimeCommand);
		return command;
	}

	private static int runToEnd(List<String> command, Path out, Path err) throws Exception {
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		try {
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			return process.exitValue();
		}
		finally {
			process.destroyForcibly();
		}
	}

}
