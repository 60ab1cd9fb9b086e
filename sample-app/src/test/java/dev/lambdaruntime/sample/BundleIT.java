package dev.lambdaruntime.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.lambdaruntime.emulator.launcher.LambdaEmulatorLauncher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unzips {@code function.zip}, the provided.al2023 bundle, as Lambda does (file modes and times
 * kept, in UTC), and runs its {@code bootstrap} under the emulator's launcher, with the variables
 * Lambda sets, invoked through the Invoke API as a user would.
 */
class BundleIT {

	private static final Path ZIP = Path.of("target", "function.zip");

	private static final Path TASK_ROOT = Path.of("target", "bundle-it").toAbsolutePath();

	private static final Path LOG = Path.of("target", "bundle-it.log");

	private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newHttpClient();

	private LambdaEmulatorLauncher launcher;

	@BeforeAll
	static void unzipTheBundle() throws IOException {
		assertThat(ZIP).as("function.zip, made by lambda-runtime-maven-plugin").exists();
		Files.deleteIfExists(LOG);
		FunctionZipExtraction.unzip(ZIP, TASK_ROOT, true);
	}

	@AfterEach
	void stopTheLauncher() {
		if (this.launcher != null) {
			this.launcher.close();
		}
	}

	@Test
	void uppercaseAnswersTheSeedsExampleFromTheCacheMadeAtBuildTime() throws Exception {
		// With these options the JVM refuses to start unless it can use the bundle's AOT cache or CDS
		// archive: so the cache survived the zip file.
		String cacheRequired = Files.exists(TASK_ROOT.resolve("app.aot")) ? "-XX:AOTMode=on" : "-Xshare:on";
		launch("env", "JAVA_TOOL_OPTIONS=" + cacheRequired, TASK_ROOT.resolve("bootstrap").toString());
		HttpResponse<String> response = invoke("\"hello\"");
		assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
		assertThat(response.body()).isEqualTo("\"HELLO\"");
		assertThat(this.launcher.emulator().initErrors()).isEmpty();
	}

	@Test
	void aBadEventIsAFunctionErrorAndTheNextEventIsAnsweredAsUsual() throws Exception {
		launch(TASK_ROOT.resolve("bootstrap").toString(), "--spring.cloud.function.definition=greet");
		assertThat(json(invoke("{\"name\":\"Lambda\"}")).get("message").asString()).isEqualTo("Hello, Lambda!");
		// JSON, since the Invoke API refuses anything else as Lambda does, but not a greeting
		HttpResponse<String> bad = invoke("\"not a greeting\"");
		assertThat(bad.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
		assertThat(json(bad).get("errorType").asString()).isEqualTo("dev.lambdaruntime.runtime.InvalidEventException");
		assertThat(json(invoke("{\"name\":\"again\"}")).get("message").asString()).isEqualTo("Hello, again!");
	}

	private void launch(String... command) {
		this.launcher = LambdaEmulatorLauncher.builder(List.of(command))
			.memorySize(512)
			.output(LOG)
			.start();
	}

	private HttpResponse<String> invoke(String event) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.launcher.emulator().invokeUrl()))
			.timeout(INVOKE_TIMEOUT)
			.POST(HttpRequest.BodyPublishers.ofString(event))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response;
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

}
