package dev.lambdaruntime.sample;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
/**
 * Starts the packaged sample application with {@code java -jar}, as a Lambda execution
 * environment would, against the emulator.
 */
class ExecutableJarIT {

	private static final int EVENTS = 3000;

	private LambdaEmulator emulator;

	private Process process;

	@BeforeEach
	void startEmulator() {
		this.emulator = LambdaEmulator.start();
	}

	@AfterEach
	void stop() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
		this.emulator.close();
	}

	@Test
	void servesThousandsOfEventsWithNothingLostAndExitsSoonAfterSigterm() throws Exception {
		this.process = start(Map.of("AWS_LAMBDA_RUNTIME_API", this.emulator.runtimeApi(),
				"SPRING_CLOUD_FUNCTION_DEFINITION", "greet", "_HANDLER", "bootstrap"));
		List<CompletableFuture<InvocationResult>> results = new ArrayList<>();
		for (int i = 0; i < EVENTS; i++) {
			results.add(this.emulator.invoke("{\"name\":\"n" + i + "\"}"));
		}
		for (int i = 0; i < EVENTS; i++) {
			InvocationResult result = results.get(i).get(60, TimeUnit.SECONDS);
			assertThat(result.isError()).isFalse();
			assertThat(result.payloadAsString()).startsWith("{\"message\":\"Hello, n" + i + "!\"");
		}
		assertThat(this.emulator.refusedAnswers()).as("answers refused as duplicate, late or unknown").isZero();
		long start = System.nanoTime();
		this.process.destroy();
		assertThat(this.process.waitFor(3, TimeUnit.SECONDS)).as("exited within 3 s of SIGTERM").isTrue();
		System.out.printf("Exited %d ms after SIGTERM%n", Duration.ofNanos(System.nanoTime() - start).toMillis());
	}

	@Test
	void withoutRuntimeApiItStartsAndExitsZeroByItself() throws Exception {
		this.process = start(Map.of());
		assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(this.process.exitValue()).isZero();
		assertThat(this.emulator.exchanges()).isEmpty();
	}

	@Test
	void whenTheRuntimeApiGoesAwayItExitsNonZero() throws Exception {
		this.process = start(Map.of("AWS_LAMBDA_RUNTIME_API", this.emulator.runtimeApi()));
		assertThat(this.emulator.invoke("\"up\"").get(60, TimeUnit.SECONDS).payloadAsString()).isEqualTo("\"UP\"");
		this.emulator.close();
		assertThat(this.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.process.exitValue()).isNotZero();
	}

	private Process start(Map<String, String> environment) throws Exception {
		Path jar = Files.list(Path.of("target"))
			.filter((path) -> path.getFileName().toString().matches("lambda-runtime-sample-app-.*\\.jar"))
			.findFirst()
			.orElseThrow();
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:MaxRAM=512m", "-jar", jar.toString());
		builder.environment().remove("AWS_LAMBDA_RUNTIME_API");
		builder.environment().putAll(environment);
		builder.redirectErrorStream(true).redirectOutput(new File("target/executable-jar-it.log"));
		return builder.start();
	}

}
