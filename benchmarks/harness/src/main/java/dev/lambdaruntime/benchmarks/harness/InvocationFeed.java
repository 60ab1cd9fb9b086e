package dev.lambdaruntime.benchmarks.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import dev.lambdaruntime.benchmarks.api.LambdaService;
import dev.lambdaruntime.benchmarks.api.PendingInvocation;
import org.jspecify.annotations.Nullable;

/**
 * The Lambda service of one run: hands out the current phase's invocations to the contender as
 * it polls, records their answers, and lets the harness wait for the contender's first poll, for
 * a phase to be answered, and for the contender to be idle in {@code next}.
 */
final class InvocationFeed implements LambdaService {

	private static final long CHECK_INTERVAL_MILLIS = 200;

	private @Nullable Phase phase;

	private long firstPollAt;

	private boolean polling;

	private @Nullable String initError;

	@Override
	public synchronized PendingInvocation next() throws InterruptedException {
		if (this.firstPollAt == 0) {
			this.firstPollAt = System.nanoTime();
		}
		Phase current = this.phase;
		while (current == null || !current.hasMoreToHandOut()) {
			if (!this.polling) {
				this.polling = true;
				notifyAll();
			}
			wait();
			current = this.phase;
		}
		this.polling = false;
		return current.handOut();
	}

	@Override
	public void response(String requestId, byte[] body, long receivedNanos) {
		Phase current = currentPhase();
		String problem = current.check(body);
		synchronized (this) {
			current.answered(requestId, receivedNanos, problem);
			notifyIfComplete(current);
		}
	}

	@Override
	public synchronized void error(String requestId, @Nullable String errorType, byte[] body) {
		Phase current = currentPhase();
		current.answered(requestId, System.nanoTime(), "an error (" + errorType + "): " + ReceiptCheck.excerpt(body));
		notifyIfComplete(current);
	}

	/** Wakes the harness only when it has something to do, not at every answer. */
	private void notifyIfComplete(Phase current) {
		if (current.isComplete()) {
			notifyAll();
		}
	}

	@Override
	public synchronized void initError(@Nullable String errorType, byte[] body) {
		this.initError = errorType + ": " + ReceiptCheck.excerpt(body);
		notifyAll();
	}

	private synchronized Phase currentPhase() {
		Phase current = this.phase;
		if (current == null) {
			throw new IllegalStateException("An answer arrived before any invocation was handed out");
		}
		return current;
	}

	/** Waits for the contender's first {@code next}, and answers when it came ({@link System#nanoTime()}). */
	synchronized long awaitFirstPoll(ContenderProcess process, Duration timeout)
			throws InterruptedException, RunFailure {
		await(() -> this.firstPollAt != 0, process, timeout, "its first next");
		return this.firstPollAt;
	}

	/** Hands out a phase's invocations and waits until all are answered. */
	synchronized void run(Phase phase, ContenderProcess process, Duration timeout)
			throws InterruptedException, RunFailure {
		this.phase = phase;
		notifyAll();
		try {
			await(phase::isComplete, process, timeout, phase.size() + " answers");
		}
		catch (RunFailure ex) {
			throw new RunFailure(ex.getMessage() + " (" + phase.answered() + " of " + phase.size() + " answered)");
		}
	}

	/** Waits until the contender polls for the next invocation, with nothing left to hand out. */
	synchronized void awaitPolling(ContenderProcess process, Duration timeout) throws InterruptedException, RunFailure {
		await(() -> this.polling, process, timeout, "its next poll");
	}

	private void await(BooleanSupplier condition, ContenderProcess process, Duration timeout, String what)
			throws InterruptedException, RunFailure {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (this.initError != null) {
				throw new RunFailure("init error " + this.initError);
			}
			if (!process.isAlive()) {
				throw new RunFailure("exited with status " + process.exitValue() + " before " + what + ", see "
						+ process.log());
			}
			long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
			if (remainingMillis <= 0) {
				throw new RunFailure("no " + what + " within " + timeout.toSeconds() + " s, see " + process.log());
			}
			wait(Math.min(remainingMillis, CHECK_INTERVAL_MILLIS));
		}
	}

}
