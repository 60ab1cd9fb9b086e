package dev.lambdaruntime.emulator.invocation;

import java.time.Instant;

import dev.lambdaruntime.emulator.InvocationResult;
import org.jspecify.annotations.Nullable;

/**
 * One invocation as the history shows it: what was asked when, whether the runtime has taken it,
 * and, once it ended, how.
 */
public final class HistoryEntry {

	private final String requestId;

	private final String functionName;

	private final Instant startTime;

	private final BodyExcerpt request;

	private final int requestBytes;

	/** The invocation while it has not ended, to tell queued from running; then dropped. */
	private volatile @Nullable EmulatedInvocation pending;

	private volatile Outcome outcome = Outcome.PENDING;

	HistoryEntry(EmulatedInvocation invocation, String functionName, Instant startTime) {
		this.requestId = invocation.requestId();
		this.functionName = functionName;
		this.startTime = startTime;
		this.request = BodyExcerpt.of(invocation.payload());
		this.requestBytes = invocation.payload().length;
		this.pending = invocation;
	}

	String requestId() {
		return this.requestId;
	}

	/**
	 * Records how the invocation ended.
	 * @param result its result, or {@code null} if it never got one (the emulator closed)
	 * @param report its report and log, if kept
	 */
	void ended(@Nullable InvocationResult result, @Nullable InvocationReport report) {
		EmulatedInvocation invocation = this.pending;
		boolean taken = invocation != null && invocation.taken();
		this.outcome = (result != null) ? Outcome.of(result, report, taken) : Outcome.ABORTED;
		this.pending = null;
	}

	Summary summary() {
		Outcome outcome = this.outcome;
		EmulatedInvocation invocation = this.pending;
		boolean taken = (invocation != null) ? invocation.taken() : outcome.taken();
		BodyExcerpt response = outcome.response();
		return new Summary(this.requestId, this.functionName, this.startTime, outcome.durationMs(), outcome.status(),
				taken, outcome.initError(), outcome.errorType(), this.request.text(), this.request.truncated(),
				this.requestBytes, (response != null) ? response.text() : null, response != null && response.truncated(),
				outcome.responseBytes(), outcome.report());
	}

	/**
	 * How an invocation ended, or that it has not yet.
	 */
	private record Outcome(String status, @Nullable Long durationMs, boolean taken, boolean initError,
			@Nullable String errorType, @Nullable BodyExcerpt response, @Nullable Integer responseBytes,
			@Nullable InvocationReport report) {

		static final Outcome PENDING = new Outcome("pending", null, false, false, null, null, null, null);

		static final Outcome ABORTED = new Outcome("error", null, false, false, null, null, null, null);

		static Outcome of(InvocationResult result, @Nullable InvocationReport report, boolean taken) {
			boolean timeout = EmulatedInvocation.TIMEOUT_ERROR_TYPE.equals(result.errorType());
			String status = !result.isError() ? "ok" : timeout ? "timeout" : "error";
			return new Outcome(status, result.duration().toMillis(), taken, result.isError() && !taken && !timeout,
					result.errorType(), BodyExcerpt.of(result.payload()), result.payload().length, report);
		}

	}

	/**
	 * The JSON form of an entry.
	 *
	 * @param requestId the request id
	 * @param functionName the function name invoked
	 * @param startTime when the invocation was queued
	 * @param durationMs how long the runtime took, once ended
	 * @param status {@code pending}, {@code ok}, {@code error} or {@code timeout}
	 * @param taken whether the runtime took the invocation: a pending one runs, an ended one ran
	 * @param initError whether it ended with an error before any runtime took it, because the
	 * runtime failed to initialize (reported an init error, or exited first)
	 * @param errorType the error type, if any
	 * @param requestBody the event, up to 64 KB
	 * @param requestTruncated whether the event was longer
	 * @param requestBytes the event's size in bytes
	 * @param responseBody the response or error, up to 64 KB, once ended
	 * @param responseTruncated whether the response was longer
	 * @param responseBytes the response's size in bytes, once ended
	 * @param report the figures of its {@code REPORT} line and its log lines, once ended
	 */
	public record Summary(String requestId, String functionName, Instant startTime, @Nullable Long durationMs,
			String status, boolean taken, boolean initError, @Nullable String errorType, String requestBody,
			boolean requestTruncated, int requestBytes, @Nullable String responseBody, boolean responseTruncated,
			@Nullable Integer responseBytes, @Nullable InvocationReport report) {

	}

}
