package dev.lambdaruntime.benchmarks.harness;

import java.util.Arrays;

import dev.lambdaruntime.benchmarks.api.PendingInvocation;
import org.jspecify.annotations.Nullable;

/**
 * A run of invocations of one event, handed out one at a time: when each was handed out and
 * answered, and which answers were wrong. Not thread-safe: {@link InvocationFeed} guards it.
 */
final class Phase {

	private final int number;

	private final byte[] event;

	private final ReceiptCheck check;

	private final long[] handedOutAt;

	private final long[] latencies;

	private int handedOut;

	private int answered;

	private int failures;

	private @Nullable String firstFailure;

	private long lastAnswerAt;

	/** {@code number} tells this phase's request ids apart from those of the other phases of a run. */
	Phase(int number, int size, OrderEvent event) {
		this.number = number;
		this.event = event.json();
		this.check = event.check();
		this.handedOutAt = new long[size];
		this.latencies = new long[size];
	}

	boolean hasMoreToHandOut() {
		return this.handedOut < this.handedOutAt.length;
	}

	PendingInvocation handOut() {
		int index = this.handedOut++;
		String requestId = hex(this.number, 8) + "-0000-4000-8000-" + hex(index, 12);
		String traceId = "Root=1-" + hex(this.number, 8) + "-" + hex(index, 24) + ";Parent=" + hex(index, 16)
				+ ";Sampled=0";
		this.handedOutAt[index] = System.nanoTime();
		return new PendingInvocation(requestId, traceId, this.event);
	}

	/** What is wrong with a response body, or {@code null}; thread-safe. */
	@Nullable String check(byte[] body) {
		return this.check.problem(body);
	}

	/** Records an answer, received at {@code nanos}, with what was wrong with it if anything. */
	void answered(String requestId, long nanos, @Nullable String problem) {
		int index = indexOf(requestId);
		if (index < 0 || this.latencies[index] != 0) {
			fail("an answer to " + ((index < 0) ? "an unknown" : "an already answered") + " request id " + requestId);
			return;
		}
		this.latencies[index] = Math.max(1, nanos - this.handedOutAt[index]);
		this.answered++;
		this.lastAnswerAt = Math.max(this.lastAnswerAt, nanos);
		if (problem != null) {
			fail(problem);
		}
	}

	private void fail(String problem) {
		this.failures++;
		if (this.firstFailure == null) {
			this.firstFailure = problem;
		}
	}

	private int indexOf(String requestId) {
		if (requestId.length() != 36 || !requestId.startsWith(hex(this.number, 8))) {
			return -1;
		}
		int index = Integer.parseInt(requestId.substring(24), 16);
		return (index < this.handedOut) ? index : -1;
	}

	boolean isComplete() {
		return this.answered == this.latencies.length;
	}

	int size() {
		return this.latencies.length;
	}

	int answered() {
		return this.answered;
	}

	int failures() {
		return this.failures;
	}

	@Nullable String firstFailure() {
		return this.firstFailure;
	}

	/** Nanoseconds from the first hand-out to the last answer. */
	long wallNanos() {
		return this.lastAnswerAt - this.handedOutAt[0];
	}

	/** The latencies of the answered invocations, in nanoseconds, in the order they were handed out. */
	long[] latencies() {
		return Arrays.copyOf(this.latencies, this.answered);
	}

	private static String hex(long value, int digits) {
		String hex = Long.toHexString(value);
		return "0".repeat(Math.max(digits - hex.length(), 0)) + hex;
	}

}
