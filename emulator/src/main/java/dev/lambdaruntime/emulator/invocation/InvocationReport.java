package dev.lambdaruntime.emulator.invocation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * The figures of an invocation's {@code REPORT} line, and its log, as Lambda reports them.
 *
 * @param requestId the request id
 * @param durationMs how long the runtime had the invocation, in milliseconds
 * @param billedDurationMs the duration rounded up to the millisecond, as Lambda bills it
 * @param memorySizeMb the function's memory size
 * @param maxMemoryUsedMb the runtime's peak memory when the invocation ended
 * @param initDurationMs how long the runtime took to initialize, for a cold start; else
 * {@code null}
 * @param log the invocation's log lines, {@code START} to {@code REPORT}, each ended by a line
 * break (the last 64 KB)
 */
public record InvocationReport(String requestId, double durationMs, long billedDurationMs, int memorySizeMb,
		long maxMemoryUsedMb, @Nullable Double initDurationMs, String log) {

	/** The most of the log that the Invoke API's {@code X-Amz-Log-Result} carries, in bytes. */
	static final int TAIL_LENGTH = 4096;

	InvocationReport withLog(String log) {
		return new InvocationReport(this.requestId, this.durationMs, this.billedDurationMs, this.memorySizeMb,
				this.maxMemoryUsedMb, this.initDurationMs, log);
	}

	/**
	 * Returns what the Invoke API answers {@code X-Amz-Log-Type: Tail} with.
	 * @return the base64 of the last 4 KB of the log
	 */
	public String logTail() {
		byte[] log = this.log.getBytes(StandardCharsets.UTF_8);
		return Base64.getEncoder().encodeToString(Arrays.copyOfRange(log, Math.max(0, log.length - TAIL_LENGTH), log.length));
	}

}
