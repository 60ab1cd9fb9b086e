package dev.lambdaruntime.emulator.invocation;

import java.time.Instant;

import dev.lambdaruntime.emulator.InvocationResult;
import org.jspecify.annotations.Nullable;

/**
 * One invocation as the history shows it: what was asked when, and, once it ended, how.
 */
public final class HistoryEntry {

	private final String requestId;

	private final String functionName;

	private final Instant startTime;

	private final BodyExcerpt request;

	private volatile Outcome outcome = Outcome.PENDING;

	HistoryEntry(EmulatedInvocation invocation, String functionName, Instant startTime) {
		this.requestId = invocation.requestId();
		this.functionName = functionName;
		this.startTime = startTime;
		this.request = BodyExcerpt.of(invocation.payload());
	}

	/**
	 * Records how the invocation ended.
	 * @param result its result, or {@code null} if it never got one (the emulator closed)
	 * @param report its report and log, if kept
	 */
	void ended(@Nullable InvocationResult result, @Nullable InvocationReport report) {
		this.outcome = (result != null) ? Outcome.of(result, report) : Outcome.ABORTED;
	}

	Summary summary() {
		Outcome outcome = this.outcome;
		BodyExcerpt response = outcome.response();
		return new Summary(this.requestId, this.functionName, this.startTime, outcome.durationMs(), outcome.status(),
				outcome.errorType(), this.request.text(), this.request.truncated(),
				(response != null) ? response.text() : null, response != null && response.truncated(), outcome.report());
	}

	/**
	 * How an invocation ended, or that it has not yet.
	 */
	private record Outcome(String status, @Nullable Long durationMs, @Nullable String errorType,
			@Nullable BodyExcerpt response, @Nullable InvocationReport report) {

		static final Outcome PENDING = new Outcome("pending", null, null, null, null);

		static final Outcome ABORTED = new Outcome("error", null, null, null, null);

		static Outcome of(InvocationResult result, @Nullable InvocationReport report) {
			String status = !result.isError() ? "ok"
					: EmulatedInvocation.TIMEOUT_ERROR_TYPE.equals(result.errorType()) ? "timeout" : "error";
			return new Outcome(status, result.duration().toMillis(), result.errorType(),
					BodyExcerpt.of(result.payload()), report);
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
	 * @param errorType the error type, if any
	 * @param requestBody the event, up to 64 KB
	 * @param requestTruncated whether the event was longer
	 * @param responseBody the response or error, up to 64 KB, once ended
	 * @param responseTruncated whether the response was longer
	 * @param report the figures of its {@code REPORT} line and its log lines, once ended
	 */
	public record Summary(String requestId, String functionName, Instant startTime, @Nullable Long durationMs,
			String status, @Nullable String errorType, String requestBody, boolean requestTruncated,
			@Nullable String responseBody, boolean responseTruncated, @Nullable InvocationReport report) {

	}

}
