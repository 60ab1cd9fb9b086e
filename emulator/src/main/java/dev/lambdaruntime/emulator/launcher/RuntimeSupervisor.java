package dev.lambdaruntime.emulator.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

import dev.lambdaruntime.emulator.LambdaEmulator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a runtime process beside the emulator, as Lambda keeps a sandbox: when the process exits
 * its invocations fail with {@code Runtime.ExitError} and it is launched again, at once if it had
 * initialized, else when an invocation arrives for it; when an invocation times out the process
 * is stopped, and so replaced. Stopping a process sends SIGTERM, then SIGKILL after the stop
 * timeout.
 */
final class RuntimeSupervisor implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RuntimeSupervisor.class);

	private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

	private final LambdaEmulator emulator;

	private final Launch launch;

	private final Duration stopTimeout;

	private final Thread thread = new Thread(this::supervise, "lambda-emulator-runtime-supervisor");

	private @Nullable RuntimeProcess current;

	private boolean closed;

	private RuntimeSupervisor(LambdaEmulator emulator, Launch launch, Duration stopTimeout) {
		this.emulator = emulator;
		this.launch = launch;
		this.stopTimeout = stopTimeout;
	}

	/**
	 * Launches the runtime and starts watching it.
	 * @param emulator the emulator the runtime serves
	 * @param launch how to start a runtime process
	 * @param stopTimeout how long a process gets to exit after SIGTERM before SIGKILL
	 * @return the supervisor
	 * @throws IOException if the first launch fails
	 */
	static RuntimeSupervisor start(LambdaEmulator emulator, Launch launch, Duration stopTimeout) throws IOException {
		RuntimeSupervisor supervisor = new RuntimeSupervisor(emulator, launch, stopTimeout);
		supervisor.current = supervisor.startProcess();
		emulator.onInvocationTimeout(supervisor::resetAfterTimeout);
		supervisor.thread.start();
		return supervisor;
	}

	private void resetAfterTimeout() {
		RuntimeProcess process;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			process = currentProcess();
		}
		logger.warn("An invocation timed out; stopping the runtime (pid {}) so that a new one serves the next, "
				+ "as Lambda does", process.pid());
		Thread stopper = new Thread(() -> process.stop(this.stopTimeout), "lambda-emulator-runtime-reset");
		stopper.setDaemon(true);
		stopper.start();
	}

	private void supervise() {
		try {
			String exit = awaitExit(currentProcess());
			while (exit != null && relaunchAfter(exit)) {
				exit = launchAndAwaitExit();
			}
		}
		catch (InterruptedException ex) {
			// closing
		}
	}

	private synchronized RuntimeProcess currentProcess() {
		return Objects.requireNonNull(this.current);
	}

	/**
	 * Launches a runtime process and waits until it exits.
	 * @return how it ended, or {@code null} if the supervisor closed first
	 */
	private @Nullable String launchAndAwaitExit() throws InterruptedException {
		RuntimeProcess process;
		synchronized (this) {
			if (this.closed) {
				return null;
			}
			try {
				process = startProcess();
			}
			catch (IOException ex) {
				return "Runtime failed to start: " + ex.getMessage();
			}
			this.current = process;
		}
		return awaitExit(process);
	}

	private RuntimeProcess startProcess() throws IOException {
		RuntimeProcess process = this.launch.start();
		logger.info("Runtime started (pid {})", process.pid());
		return process;
	}

	private static String awaitExit(RuntimeProcess process) throws InterruptedException {
		return "Runtime exited with error: exit status " + process.waitFor();
	}

	/**
	 * Charges an exit to the invocations it affects and waits until a new runtime is needed.
	 * @return whether to launch one
	 */
	private boolean relaunchAfter(String exit) throws InterruptedException {
		if (isClosed()) {
			return false;
		}
		if (this.emulator.runtimeExited(exit)) {
			logger.warn("{}; relaunching it", exit);
		}
		else {
			logger.warn("{} before it initialized; relaunching it for the next invocation", exit);
			this.emulator.awaitQueuedInvocation();
		}
		return !isClosed();
	}

	private synchronized boolean isClosed() {
		return this.closed;
	}

	/**
	 * Stops the runtime process and its supervision; waits until both are over.
	 */
	@Override
	public void close() {
		RuntimeProcess process;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			process = this.current;
		}
		this.thread.interrupt();
		if (process != null) {
			process.stop(this.stopTimeout);
		}
		try {
			this.thread.join(JOIN_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Starts one runtime process.
	 */
	@FunctionalInterface
	interface Launch {

		RuntimeProcess start() throws IOException;

	}

}
