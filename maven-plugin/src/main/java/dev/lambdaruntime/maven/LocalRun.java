package dev.lambdaruntime.maven;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.launcher.LambdaEmulatorLauncher;
import org.apache.maven.plugin.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * A local run of the application under the Lambda emulator, as the {@code run} goal starts it:
 * the emulator's launcher in this JVM, with {@code java -cp <classpath> <main class>} as the
 * function's runtime command, relaunched when it exits; the chosen function passed as Lambda's
 * handler setting and as {@code spring.cloud.function.definition}, which outranks the
 * application's own; {@code lambda.runtime.local-run} set, so that the application prints the
 * page and a curl line when it is ready.
 *
 * @param classpath the application's classpath
 * @param mainClass the application's main class
 * @param function the function to serve, or {@code null} to leave the choice to the application
 * @param port the port to try first; any free one when it is taken
 * @param eventsDir the folder of the page's saved events
 * @param logFile where the function's log goes, or {@code null} for this process's standard output
 */
record LocalRun(List<Path> classpath, String mainClass, @Nullable String function, int port, Path eventsDir,
		@Nullable Path logFile) {

	/** What a first invocation may take beyond its timeout: the application's start. */
	private static final Duration START_ALLOWANCE = Duration.ofSeconds(60);

	/**
	 * Starts the emulator and the application.
	 * @param log where to say that the port was taken
	 * @return the running launcher, to close when done
	 * @throws UncheckedIOException if the emulator cannot listen or Java cannot start
	 */
	LambdaEmulatorLauncher start(Log log) {
		try {
			return builder().port(this.port).start();
		}
		catch (UncheckedIOException ex) {
			log.info("Port " + this.port + " is not free (" + ex.getMessage() + "): the emulator listens on another");
			return builder().port(0).start();
		}
	}

	private LambdaEmulatorLauncher.Builder builder() {
		LambdaEmulatorLauncher.Builder builder = LambdaEmulatorLauncher.builder(command()).eventsDir(this.eventsDir);
		if (this.function != null) {
			builder.handler(this.function);
		}
		if (this.logFile != null) {
			builder.output(this.logFile);
		}
		return builder;
	}

	private List<String> command() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Dlambda.runtime.local-run=true");
		if (this.function != null) {
			command.add("-Dspring.cloud.function.definition=" + this.function);
		}
		command.add("-cp");
		command.add(String.join(File.pathSeparator, this.classpath.stream().map(Path::toString).toList()));
		command.add(this.mainClass);
		return command;
	}

	/**
	 * Sends a first event through the Invoke API and waits for its answer: at most the function's
	 * timeout and the application's start.
	 * @param launcher the running launcher
	 * @param event the event, a JSON text
	 * @return the answer, with the function's log of it
	 */
	static FirstEventAnswer invokeFirst(LambdaEmulatorLauncher launcher, String event) {
		Duration wait = launcher.emulator().timeoutOf(InvocationRequest.of(event)).plus(START_ALLOWANCE);
		return FirstEventAnswer.invoke(launcher.emulator().invokeUrl(), event, wait);
	}

}
