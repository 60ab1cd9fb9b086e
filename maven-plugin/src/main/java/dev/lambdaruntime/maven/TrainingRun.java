package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.apache.maven.plugin.MojoExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The build's training run: starts the bundle's own {@code bootstrap} as Lambda would, against
 * the emulator, with the JVM told to write the AOT cache or CDS archive at exit; serves one real
 * invocation, so that the cache also holds what the loop and the first invocation load; then
 * stops the function with SIGTERM, as Lambda does, and lets the JVM write the cache. This is the
 * plugin's one use of the emulator's Java API.
 */
final class TrainingRun {

	/** How long the invocation, including the function's init, may take. */
	private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(60);

	/** How long the JVM gets to write the cache after SIGTERM. */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(300);

	/** The exit status of a JVM stopped by SIGTERM (128 + 15). */
	private static final int SIGTERM_EXIT_STATUS = 143;

	private static final int MEMORY_SIZE = 512;

	private final Path bundle;

	private final Path log;

	TrainingRun(Path bundle, Path log) {
		this.bundle = bundle;
		this.log = log;
	}

	/**
	 * Runs the training.
	 * @param jvmOptions the JVM flags that make it write the cache, in {@code BOOTSTRAP_JAVA_OPTIONS}
	 * @param cache the cache file it must write
	 * @param event the event to invoke the function with, a JSON text
	 * @param handler the handler setting ({@code _HANDLER})
	 * @throws MojoExecutionException with the function's log, if the invocation failed, the JVM
	 * exited other than by SIGTERM, or no cache was written
	 * @throws IOException if the log cannot be written or read
	 */
	void run(String jvmOptions, Path cache, String event, String handler) throws MojoExecutionException, IOException {
		Files.deleteIfExists(this.log);
		Files.deleteIfExists(cache);
		// the START/END/REPORT lines stay out of the build's output: the runtime's own log is in the file
		try (LambdaEmulator emulator = LambdaEmulator.builder()
			.timeout(INVOCATION_TIMEOUT)
			.logOutput((line) -> {
			})
			.build()) {
			ProcessBuilder builder = new ProcessBuilder(List.of(this.bundle.resolve("bootstrap").toString()))
				.directory(this.bundle.toFile())
				.redirectErrorStream(true)
				.redirectOutput(this.log.toFile());
			builder.environment().putAll(Map.of("AWS_LAMBDA_RUNTIME_API", emulator.runtimeApi(), "_HANDLER", handler,
					"AWS_LAMBDA_FUNCTION_NAME", "training", "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
					"AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(MEMORY_SIZE), "LAMBDA_TASK_ROOT",
					this.bundle.toString(), "BOOTSTRAP_JAVA_OPTIONS", jvmOptions));
			Process process = builder.start();
			process.getOutputStream().close();
			String failure = invoke(emulator, process, event);
			int status = stop(process);
			if (failure != null) {
				throw failed("the training invocation failed: " + failure);
			}
			if (status != 0 && status != SIGTERM_EXIT_STATUS) {
				throw failed("the training JVM exited with status " + status);
			}
		}
		if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
			throw failed("the training run wrote no " + cache.getFileName());
		}
	}

	private static @Nullable String invoke(LambdaEmulator emulator, Process process, String event) {
		CompletableFuture<InvocationResult> answer = emulator.invoke(event);
		try {
			Object first = CompletableFuture.anyOf(answer, process.onExit())
				.get(INVOCATION_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
			if (first instanceof InvocationResult result) {
				return result.isError() ? result.errorType() + ": " + result.payloadAsString() : null;
			}
			return "the function exited with status " + process.exitValue() + " before it answered";
		}
		catch (TimeoutException ex) {
			return "no answer within " + INVOCATION_TIMEOUT.toSeconds() * 2 + " seconds";
		}
		catch (ExecutionException ex) {
			return String.valueOf(ex.getCause().getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private static int stop(Process process) throws MojoExecutionException {
		process.destroy();
		try {
			if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new MojoExecutionException("Interrupted while the training JVM wrote its cache", ex);
		}
	}

	private MojoExecutionException failed(String reason) throws IOException {
		String output = Files.exists(this.log) ? Files.readString(this.log, StandardCharsets.UTF_8) : "";
		return new MojoExecutionException("The bundle's training run failed: " + reason + " (log: " + this.log
				+ "):\n" + output);
	}

}
