package dev.lambdaruntime.emulator.invocation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import dev.lambdaruntime.emulator.InvocationResult;
import org.jspecify.annotations.Nullable;

/**
 * The function's log as Lambda writes it: {@code START}, {@code END} and {@code REPORT} lines
 * around each invocation (the Runtime Interface Emulator's {@code rie/handlers.go}, and Lambda's
 * "Using CloudWatch Logs with Lambda" page), with the runtime's own output lines between them when
 * whoever runs the runtime has them {@linkplain #read read}. Each line goes to the log output; the lines of each
 * invocation are also kept (the last 64 KB of each, for the last 100 invocations), for the Invoke
 * API's log tail and the history. A runtime line belongs to the invocation running when it
 * arrives; while several run at once (a concurrency above 1), to none of them.
 */
public final class InvocationLog {

	/** The most of each invocation's log kept, in characters. */
	static final int MAX_KEPT = 64 * 1024;

	private static final int INVOCATIONS_KEPT = 100;

	private final Consumer<String> output;

	private final String functionVersion;

	private final int memorySize;

	private final LongSupplier maxMemoryUsed;

	private final Map<String, StringBuilder> running = new LinkedHashMap<>();

	private final List<RuntimeOutputReader> readers = new CopyOnWriteArrayList<>();

	private final Map<String, InvocationReport> reports = Collections.synchronizedMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, InvocationReport> eldest) {
			return size() > INVOCATIONS_KEPT;
		}

	});

	/**
	 * Creates the log.
	 * @param output where each line goes as it is written
	 * @param functionVersion the version the {@code START} line names
	 * @param memorySize the memory size in MB the {@code REPORT} line names
	 * @param maxMemoryUsed reads the peak memory of the runtime, in MB
	 */
	public InvocationLog(Consumer<String> output, String functionVersion, int memorySize,
			LongSupplier maxMemoryUsed) {
		this.output = output;
		this.functionVersion = functionVersion;
		this.memorySize = memorySize;
		this.maxMemoryUsed = maxMemoryUsed;
	}

	/**
	 * Follows a runtime process's output file, line by line, in a thread of its own until the
	 * process is gone: each line goes to the log output, and is kept with the invocation running.
	 * An invocation that ends first reads what the runtime wrote before it answered.
	 * @param output the file the process writes its output to, deleted once read to its end
	 * @param alive whether the process still runs
	 * @param threadName the name of the reading thread
	 */
	public void read(Path output, BooleanSupplier alive, String threadName) {
		RuntimeOutputReader reader = new RuntimeOutputReader(output, alive, this::line);
		this.readers.add(reader);
		Thread thread = new Thread(() -> {
			reader.run();
			this.readers.remove(reader);
		}, threadName);
		thread.setDaemon(true);
		thread.start();
	}

	private void line(String line) {
		synchronized (this.running) {
			if (this.running.size() == 1) {
				append(this.running.values().iterator().next(), line);
			}
		}
		this.output.accept(line);
	}

	/**
	 * Returns the report of an invocation that ended lately.
	 * @param requestId its request id
	 * @return its report, or empty if it has not ended or ended too long ago
	 */
	public Optional<InvocationReport> report(String requestId) {
		return Optional.ofNullable(this.reports.get(requestId));
	}

	void started(String requestId) {
		String start = "START RequestId: " + requestId + " Version: " + this.functionVersion;
		synchronized (this.running) {
			StringBuilder log = new StringBuilder();
			append(log, start);
			this.running.put(requestId, log);
		}
		this.output.accept(start);
	}

	/**
	 * Writes the {@code END} and {@code REPORT} lines of an invocation that ended, and keeps its
	 * report.
	 * @param result how it ended
	 * @param initDuration how long the runtime took to initialize, for the first invocation after
	 * it did; else {@code null}
	 */
	void ended(InvocationResult result, @Nullable Duration initDuration) {
		awaitRuntimeOutput();
		StringBuilder log;
		synchronized (this.running) {
			log = this.running.remove(result.requestId());
		}
		log = (log != null) ? log : new StringBuilder();
		String end = "END RequestId: " + result.requestId();
		InvocationReport report = new InvocationReport(result.requestId(), millis(result.duration()),
				(long) Math.ceil(millis(result.duration())), this.memorySize, this.maxMemoryUsed.getAsLong(),
				(initDuration != null) ? millis(initDuration) : null, "");
		String reportLine = reportLine(report);
		append(log, end);
		append(log, reportLine);
		this.reports.put(result.requestId(), report.withLog(log.toString()));
		this.output.accept(end);
		this.output.accept(reportLine);
	}

	/**
	 * Waits until the output of every runtime process has been read to its end, so that the
	 * last lines are written: for after the processes were stopped.
	 * @param timeout the longest wait for each
	 */
	public void awaitEndOfOutput(Duration timeout) {
		try {
			for (RuntimeOutputReader reader : this.readers) {
				reader.awaitEnd(timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitRuntimeOutput() {
		for (RuntimeOutputReader reader : this.readers) {
			reader.drain();
		}
	}

	private static String reportLine(InvocationReport report) {
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
				"REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\t"
						+ "Max Memory Used: %d MB",
				report.requestId(), report.durationMs(), report.billedDurationMs(), report.memorySizeMb(),
				report.maxMemoryUsedMb()));
		if (report.initDurationMs() != null) {
			line.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", report.initDurationMs()));
		}
		return line.append('\t').toString();
	}

	private static double millis(Duration duration) {
		return duration.toNanos() / 1_000_000.0;
	}

	private static void append(StringBuilder log, String line) {
		log.append(line).append('\n');
		if (log.length() > MAX_KEPT) {
			log.delete(0, log.length() - MAX_KEPT);
		}
	}

}
