package dev.lambdaruntime.emulator.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * One run of a runtime's command, without standard input (as in Lambda), its output inherited,
 * appended to a file or copied to this process's standard error, and stopped with SIGTERM to it
 * and its descendants, then SIGKILL to those left after the stop timeout.
 */
final class RuntimeProcess {

	/** How long killed processes get to be gone, and a copy of their output to finish. */
	private static final Duration KILL_WAIT = Duration.ofSeconds(2);

	private final Process process;

	private final @Nullable Thread outputCopy;

	private RuntimeProcess(Process process, @Nullable Thread outputCopy) {
		this.process = process;
		this.outputCopy = outputCopy;
	}

	/**
	 * Starts the command.
	 * @param command the program and its arguments
	 * @param environment variables to set on top of this process's own
	 * @param output the file to append its standard output and error to, or {@code null} to
	 * share this process's
	 * @param outputToStandardError without a file, whether its standard output goes to this
	 * process's standard error, so that this process's standard output is its own
	 * @return the running process
	 * @throws IOException if the command cannot be started
	 */
	static RuntimeProcess start(List<String> command, Map<String, String> environment, @Nullable Path output,
			boolean outputToStandardError) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment);
		if (output != null) {
			builder.redirectErrorStream(true).redirectOutput(Redirect.appendTo(output.toFile()));
		}
		else {
			builder.redirectOutput(outputToStandardError ? Redirect.PIPE : Redirect.INHERIT)
				.redirectError(Redirect.INHERIT);
		}
		Process process = builder.start();
		process.getOutputStream().close();
		Thread outputCopy = null;
		if (output == null && outputToStandardError) {
			outputCopy = new Thread(() -> copyToStandardError(process.getInputStream()),
					"lambda-emulator-runtime-output-" + process.pid());
			outputCopy.setDaemon(true);
			outputCopy.start();
		}
		return new RuntimeProcess(process, outputCopy);
	}

	long pid() {
		return this.process.pid();
	}

	int waitFor() throws InterruptedException {
		return this.process.waitFor();
	}

	/**
	 * Stops the process and its descendants, and waits until they are gone.
	 * @param timeout how long they get to exit after SIGTERM before SIGKILL
	 */
	void stop(Duration timeout) {
		List<ProcessHandle> processes = Stream.concat(Stream.of(this.process.toHandle()), this.process.descendants())
			.toList();
		processes.forEach(ProcessHandle::destroy);
		if (!awaitExit(processes, timeout)) {
			processes.forEach(ProcessHandle::destroyForcibly);
			awaitExit(processes, KILL_WAIT);
		}
		awaitOutputCopy();
	}

	private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
		CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(exits).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	/**
	 * Lets the copy of the output finish, so that the last lines are not lost when this process
	 * exits next.
	 */
	private void awaitOutputCopy() {
		if (this.outputCopy == null) {
			return;
		}
		try {
			this.outputCopy.join(KILL_WAIT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void copyToStandardError(InputStream output) {
		try (output) {
			output.transferTo(System.err);
		}
		catch (IOException ex) {
			// the process is gone
		}
		System.err.flush();
	}

}
