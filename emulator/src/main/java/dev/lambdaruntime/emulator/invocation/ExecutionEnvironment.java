package dev.lambdaruntime.emulator.invocation;

import java.time.Duration;
import java.util.Map;

import dev.lambdaruntime.emulator.InitError;
import dev.lambdaruntime.emulator.http.JsonBodies;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated execution environment: follows the runtime process from its start to its first
 * {@code next} call (Lambda's init phase), and charges its
 * failures to invocations as Lambda does: an init error, or an exit before the first
 * {@code next}, ends the oldest waiting invocation (the one the runtime was started for); an exit
 * later ends every invocation handed to it. Tells whoever runs the process when an invocation
 * timed out, since Lambda then resets the runtime; the exit of a runtime stopped for that is
 * charged to no waiting invocation. Measures the init duration that the first invocation after
 * it reports.
 */
public final class ExecutionEnvironment {

	/** The error type of an invocation whose runtime exited. */
	static final String EXIT_ERROR_TYPE = "Runtime.ExitError";

	private static final Logger logger = LoggerFactory.getLogger(ExecutionEnvironment.class);

	private enum Phase {

		INITIALIZING, INIT_FAILED, READY

	}

	private final InvocationQueue queue;

	private Phase phase = Phase.INITIALIZING;

	private long initStartNanos = System.nanoTime();

	private @Nullable Duration initDuration;

	private boolean resetAfterTimeout;

	private volatile Runnable onTimeout = () -> {
	};

	public ExecutionEnvironment(InvocationQueue queue) {
		this.queue = queue;
	}

	/**
	 * Sets what to do when an invocation times out; by default nothing.
	 * @param onTimeout the action, run on the emulator's timer thread
	 */
	public void onTimeout(Runnable onTimeout) {
		this.onTimeout = onTimeout;
	}

	/**
	 * Records that an invocation timed out, and runs the action set for it: the runtime is
	 * replaced, and its exit is charged to no waiting invocation, since the one it held has ended.
	 */
	public void timedOut() {
		synchronized (this) {
			this.resetAfterTimeout = true;
		}
		this.onTimeout.run();
	}

	/**
	 * Records that the runtime is ready for events, unless it reported an init error: as in
	 * Lambda ({@code rapi/handler/invocationnext.go} of the Runtime Interface Emulator), a
	 * runtime that failed to initialize gets no event.
	 * @return whether the runtime may have an event
	 */
	public synchronized boolean nextCalled() {
		if (this.phase == Phase.INIT_FAILED) {
			return false;
		}
		if (this.phase == Phase.INITIALIZING) {
			this.initDuration = Duration.ofNanos(System.nanoTime() - this.initStartNanos);
		}
		this.phase = Phase.READY;
		return true;
	}

	/** Records that a runtime process started, so that its init duration is measured from now. */
	public synchronized void runtimeStarted() {
		this.initStartNanos = System.nanoTime();
	}

	/**
	 * Returns how long the runtime took to initialize, once: for the first invocation it takes,
	 * whose {@code REPORT} line carries it as Lambda's does on a cold start.
	 * @return the init duration, or {@code null} if it was taken already
	 */
	public synchronized @Nullable Duration takeInitDuration() {
		Duration taken = this.initDuration;
		this.initDuration = null;
		return taken;
	}

	/**
	 * Records that the runtime failed to initialize, if it is still initializing: as in Lambda
	 * ({@code rapi/handler/initerror.go}), an init error after the first {@code next}, or a
	 * second one, is refused.
	 * @return whether the init error is accepted; if so, {@link #chargeInitError} ends the
	 * invocation waiting for the runtime
	 */
	public synchronized boolean initFailed() {
		if (this.phase != Phase.INITIALIZING) {
			return false;
		}
		this.phase = Phase.INIT_FAILED;
		return true;
	}

	/**
	 * Ends the oldest waiting invocation with an accepted init error.
	 * @param error the reported init error
	 */
	public void chargeInitError(InitError error) {
		boolean charged = this.queue.pollOldest().map((invocation) -> {
			invocation.failBeforeStart(error.payload(), error.errorType(), error.headers());
			return true;
		}).orElse(false);
		logger.warn("The runtime reported an init error ({}); {}", error.errorType(),
				charged ? "the oldest waiting invocation receives it" : "no invocation was waiting");
	}

	/**
	 * Ends what an exited runtime leaves behind: its invocations get a {@code Runtime.ExitError},
	 * its waiting {@code next} calls are dropped, and the next runtime starts initializing.
	 * @param cause how it ended, for example {@code Runtime exited with error: exit status 1}
	 * @return whether it had initialized (called {@code next}); if not, a relaunch should wait
	 * for an invocation to start it for, as Lambda does
	 */
	public boolean exited(String cause) {
		Phase ended;
		boolean reset;
		synchronized (this) {
			ended = this.phase;
			reset = this.resetAfterTimeout;
			this.phase = Phase.INITIALIZING;
			this.resetAfterTimeout = false;
		}
		this.queue.releaseTakers();
		for (EmulatedInvocation invocation : this.queue.handedOut()) {
			invocation.answer(true, exitError(invocation, cause), EXIT_ERROR_TYPE, Map.of()).ifPresent(Runnable::run);
		}
		if (ended == Phase.INITIALIZING && !reset) {
			this.queue.pollOldest()
				.ifPresent((invocation) -> invocation.failBeforeStart(exitError(invocation, cause), EXIT_ERROR_TYPE,
						Map.of()));
		}
		return ended == Phase.READY;
	}

	private static byte[] exitError(EmulatedInvocation invocation, String cause) {
		return JsonBodies.error(EXIT_ERROR_TYPE, "RequestId: " + invocation.requestId() + " Error: " + cause);
	}

}
