package dev.lambdaruntime.test;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * One run of a runtime's command, without standard input (as in Lambda), its output inherited or
 * appended to a file, and stopped with SIGTERM to it and its descendants, then SIGKILL to those
 * left after two seconds.
 */
final class RuntimeProcess {

	private static final long GRACE_SECONDS = 2;

	private final Process process;

	private RuntimeProcess(Process process) {
		this.process = process;
	}

	/**
	 * Starts the command.
	 * @param command the program and its arguments
	 * @param environment variables to set on top of this process's own
	 * @param output the file to append its standard output and error to, or {@code null} to
	 * inherit this process's
	 * @return the running process
	 * @throws IOException if the command cannot be started
	 */
	static RuntimeProcess start(List<String> command, Map<String, String> environment, @Nullable Path output)
			throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment);
		if (output != null) {
			builder.redirectErrorStream(true).redirectOutput(Redirect.appendTo(output.toFile()));
		}
		else {
			builder.redirectOutput(Redirect.INHERIT).redirectError(Redirect.INHERIT);
		}
		Process process = builder.start();
		process.getOutputStream().close();
		return new RuntimeProcess(process);
	}

	long pid() {
		return this.process.pid();
	}

	int waitFor() throws InterruptedException {
		return this.process.waitFor();
	}

	/**
	 * Stops the process and its descendants, and waits until they are gone.
	 */
	void stop() {
		List<ProcessHandle> processes = Stream.concat(Stream.of(this.process.toHandle()), this.process.descendants())
			.toList();
		processes.forEach(ProcessHandle::destroy);
		if (!awaitExit(processes)) {
			processes.forEach(ProcessHandle::destroyForcibly);
			awaitExit(processes);
		}
	}

	private static boolean awaitExit(List<ProcessHandle> processes) {
		CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(exits).get(GRACE_SECONDS, TimeUnit.SECONDS);
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

}
