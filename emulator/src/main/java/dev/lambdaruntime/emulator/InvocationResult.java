package dev.lambdaruntime.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How an invocation ended: the payload the runtime posted as its response or error, or the
 * emulator's own error when the invocation timed out.
 *
 * @param requestId the invocation's request id
 * @param isError whether the runtime reported an error or the invocation timed out
 * @param payload the posted body (not copied), or the timeout error body
 * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header of an error post,
 * {@code Sandbox.Timedout} for a timeout, {@code null} for a response or an error post without
 * that header
 * @param headers the headers of the runtime's post, with lower-case names (looked up
 * case-insensitively); empty for a timeout
 * @param duration the time from handing the event to the runtime until the invocation ended
 * @since 0.1.0
 */
public record InvocationResult(String requestId, boolean isError, byte[] payload, @Nullable String errorType,
		Map<String, String> headers, Duration duration) {

	/**
	 * Returns the payload decoded as UTF-8.
	 * @return the payload as a string
	 */
	public String payloadAsString() {
		return new String(this.payload, StandardCharsets.UTF_8);
	}

}
