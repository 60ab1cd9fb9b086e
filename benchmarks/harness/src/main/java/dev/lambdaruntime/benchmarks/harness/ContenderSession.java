package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.lambdaruntime.benchmarks.api.FakeRuntimeApi;
import org.jspecify.annotations.Nullable;

/**
 * One contender's process serving one payload, driven in steps so that contenders can take
 * turns: start (measures init), warm-up, measured slices, then its figures. Between steps the
 * contender waits in {@code next}; its CPU time is read there, before and after each slice. A
 * failure ends the session's measuring and is reported in its result.
 */
final class ContenderSession implements AutoCloseable {

	private static final Duration INIT_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

	private final Contender contender;

	private final Payload payload;

	private final OrderEvent event;

	private final InvocationFeed feed;

	private final FakeRuntimeApi api;

	private final ContenderProcess process;

	private final List<long[]> latencies = new ArrayList<>();

	private long initMillis;

	private long initCpuMillis;

	private long rssAfterInitKb;

	private int phases;

	private int events;

	private long wallNanos;

	private CpuTime cpu = CpuTime.ZERO;

	private long harnessCpuNanos;

	private Profiler.@Nullable Recording recording;

	private @Nullable String failure;

	private ContenderSession(Contender contender, Payload payload, InvocationFeed feed, FakeRuntimeApi api,
			ContenderProcess process) {
		this.contender = contender;
		this.payload = payload;
		this.event = OrderEvent.ofSize(payload.eventBytes());
		this.feed = feed;
		this.api = api;
		this.process = process;
	}

	/** Launches the contender and waits until it first asks for an invocation. */
	static ContenderSession start(Launcher launcher, Contender contender, Payload payload)
			throws IOException, InterruptedException {
		InvocationFeed feed = new InvocationFeed();
		FakeRuntimeApi api = FakeRuntimeApi.start(feed);
		ContenderProcess process;
		try {
			process = launcher.launch(contender, payload, api.address());
		}
		catch (IOException ex) {
			api.close();
			throw ex;
		}
		ContenderSession session = new ContenderSession(contender, payload, feed, api, process);
		session.awaitInit();
		return session;
	}

	private void awaitInit() throws InterruptedException {
		try {
			long firstPoll = this.feed.awaitFirstPoll(this.process, INIT_TIMEOUT);
			this.initMillis = (firstPoll - this.process.startedNanos()) / 1_000_000;
			this.initCpuMillis = this.process.stats().cpuTime().totalNanos() / 1_000_000;
			this.rssAfterInitKb = this.process.stats().residentKb();
		}
		catch (RunFailure | IOException ex) {
			fail(ex);
		}
	}

	/** Sends the payload's warm-up events. */
	void warmUp() throws InterruptedException {
		if (this.failure == null) {
			try {
				run(this.payload.warmup());
			}
			catch (RunFailure ex) {
				fail(ex);
			}
		}
	}

	/** Sends and measures {@code size} events, one at a time. */
	void measureSlice(int size) throws InterruptedException {
		if (this.failure != null) {
			return;
		}
		try {
			ProcessStats harness = ProcessStats.self();
			CpuTime before = this.process.stats().cpuTime();
			CpuTime harnessBefore = harness.cpuTime();
			Phase slice = run(size);
			this.cpu = this.cpu.plus(this.process.stats().cpuTime().minus(before));
			this.harnessCpuNanos += harness.cpuTime().minus(harnessBefore).totalNanos();
			this.latencies.add(slice.latencies());
			this.wallNanos += slice.wallNanos();
			this.events += size;
		}
		catch (RunFailure | IOException ex) {
			fail(ex);
		}
	}

	/** The contender's process id, for tools that inspect it. */
	long pid() {
		return this.process.pid();
	}

	/** Why the session stopped measuring, or {@code null} while it goes well. */
	@Nullable String failure() {
		return this.failure;
	}

	/** Starts recording CPU samples, until {@link #stopRecording()}. */
	void startRecording(Profiler profiler) throws InterruptedException {
		if (this.failure == null) {
			try {
				this.recording = profiler.start(this.process, this.contender.runName(this.payload));
			}
			catch (RunFailure | IOException ex) {
				fail(ex);
			}
		}
	}

	/** Stops recording CPU samples and writes them. */
	void stopRecording() throws InterruptedException {
		Profiler.Recording recording = this.recording;
		this.recording = null;
		if (recording != null && this.process.isAlive()) {
			try {
				recording.stop();
			}
			catch (RunFailure | IOException ex) {
				fail(ex);
			}
		}
	}

	/** What was measured, or why it could not be. */
	RunResult result() {
		if (this.failure != null) {
			return RunResult.failed(this.contender, this.payload, this.failure);
		}
		try {
			Latencies latencies = Latencies.of(this.latencies);
			return RunResult.measured(this.contender, this.payload,
					new Measurement(this.initMillis, this.initCpuMillis, this.rssAfterInitKb, this.process.stats().peakResidentKb(),
							this.events, this.events * 1e9 / this.wallNanos, latencies.percentileNanos(0.50),
							latencies.percentileNanos(0.99), this.cpu.dividedBy(this.events),
							this.harnessCpuNanos / this.events));
		}
		catch (IOException ex) {
			return RunResult.failed(this.contender, this.payload, "no peak RSS: " + ex.getMessage());
		}
	}

	/** Runs a phase, checks its answers and returns once the contender waits in {@code next} again. */
	private Phase run(int size) throws InterruptedException, RunFailure {
		Phase phase = new Phase(++this.phases, size, this.event);
		this.feed.run(phase, this.process, PHASE_TIMEOUT);
		this.feed.awaitPolling(this.process, IDLE_TIMEOUT);
		if (phase.failures() > 0) {
			throw new RunFailure(phase.failures() + " of " + phase.size() + " answers were wrong, the first: "
					+ phase.firstFailure());
		}
		return phase;
	}

	private void fail(Exception ex) {
		this.failure = (ex instanceof RunFailure) ? ex.getMessage() : ex.toString();
	}

	@Override
	public void close() throws IOException, InterruptedException {
		try {
			this.process.close();
		}
		finally {
			this.api.close();
		}
	}

}
