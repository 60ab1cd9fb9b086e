package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A contender's running JVM: started with a clean environment and its output in a log file,
 * measured through {@code /proc}, and stopped with SIGTERM, then SIGKILL if it lingers.
 */
final class ContenderProcess implements AutoCloseable {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final Process process;

	private final long startedNanos;

	private final Path log;

	private ContenderProcess(Process process, long startedNanos, Path log) {
		this.process = process;
		this.startedNanos = startedNanos;
		this.log = log;
	}

	static ContenderProcess start(List<String> command, Map<String, String> environment, Path log)
			throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().clear();
		builder.environment().putAll(environment);
		long startedNanos = System.nanoTime();
		return new ContenderProcess(builder.start(), startedNanos, log);
	}

	/** When the process was started, by {@link System#nanoTime()}. */
	long startedNanos() {
		return this.startedNanos;
	}

	long pid() {
		return this.process.pid();
	}

	ProcessStats stats() {
		return ProcessStats.of(this.process.pid());
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	int exitValue() {
		return this.process.exitValue();
	}

	/** Where its standard output and error go. */
	Path log() {
		return this.log;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
