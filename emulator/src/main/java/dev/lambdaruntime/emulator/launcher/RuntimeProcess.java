package dev.lambdaruntime.emulator.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import dev.lambdaruntime.emulator.LambdaEmulator;

/**
 * One run of a runtime's command, without standard input (as in Lambda), its standard output and
 * error merged into one stream (as Lambda's log) and read by the emulator, and stopped with
 * SIGTERM to it and its descendants, then SIGKILL to those left after the stop timeout.
 */
final class RuntimeProcess {

	/** How long killed processes get to be gone. */
	private static final Duration KILL_WAIT = Duration.ofSeconds(2);

	private final Process process;

	private RuntimeProcess(Process process) {
		this.process = process;
	}

	/**
	 * Starts the command beside an emulator, which measures its init from now and reads its
	 * output.
	 * @param command the program and its arguments
	 * @param directory the folder it runs in
	 * @param environment variables to set on top of this process's own
	 * @param emulator the emulator it serves
	 * @return the running process
	 * @throws IOException if the command cannot be started
	 */
	static RuntimeProcess start(List<String> command, Path directory, Map<String, String> environment,
			LambdaEmulator emulator)
			throws IOException {
		// a file, not a pipe: when an invocation ends, its length says what the function wrote
		Path output = Files.createTempFile("lambda-runtime-output-", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
		builder.environment().putAll(environment);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			Files.deleteIfExists(output);
			throw ex;
		}
		process.getOutputStream().close();
		emulator.runtimeStarted(process.pid());
		emulator.readRuntimeOutput(output, process.toHandle());
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

}
