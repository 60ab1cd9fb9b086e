package dev.lambdaruntime.emulator.invokeapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.http.ApiError;
import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.invocation.InvocationReport;
import org.jspecify.annotations.Nullable;

/**
 * An answer of the Invoke API, with the headers the AWS SDKs read.
 *
 * @param status the HTTP status
 * @param headers the headers to send
 * @param body the body to send
 */
record InvokeApiResponse(int status, Map<String, String> headers, byte[] body) {

	/**
	 * The function's answer: its payload, flagged as {@code Unhandled} when it is an error.
	 * @param result how the invocation ended
	 * @return a 200
	 */
	static InvokeApiResponse completed(InvocationResult result) {
		Map<String, String> headers = executed(result.requestId());
		if (result.isError()) {
			headers.put("X-Amz-Function-Error", "Unhandled");
		}
		return new InvokeApiResponse(200, headers, result.payload());
	}

	/**
	 * Returns this answer with {@code X-Amz-Log-Result}, the tail of the invocation's log.
	 * @param report the invocation's report, if kept
	 * @return the answer with the header, or this answer if there is no report
	 */
	InvokeApiResponse withLogTail(Optional<InvocationReport> report) {
		if (report.isEmpty()) {
			return this;
		}
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put("X-Amz-Log-Result", report.get().logTail());
		return new InvokeApiResponse(this.status, headers, this.body);
	}

	/**
	 * The headers of a streamed answer, written before the function has finished, so without
	 * {@code X-Amz-Function-Error}.
	 * @param requestId the invocation's request id
	 * @param contentType the content type the runtime streamed with, if any
	 * @return the headers
	 */
	static Map<String, String> streamedHeaders(String requestId, @Nullable String contentType) {
		Map<String, String> headers = executed(requestId);
		if (contentType != null) {
			headers.put("Content-Type", contentType);
		}
		return headers;
	}

	/**
	 * The answer to an {@code Event} invocation, queued and not awaited.
	 * @param requestId its request id
	 * @return a 202
	 */
	static InvokeApiResponse queued(String requestId) {
		return new InvokeApiResponse(202, executed(requestId), new byte[0]);
	}

	/**
	 * The answer to a {@code DryRun} invocation.
	 * @return a 204
	 */
	static InvokeApiResponse dryRun() {
		return new InvokeApiResponse(204, executed(UUID.randomUUID().toString()), new byte[0]);
	}

	/**
	 * A refusal, in the form the AWS SDKs parse.
	 * @param status the HTTP status
	 * @param errorType the error code, such as {@code InvalidParameterValueException}
	 * @param message what went wrong
	 * @return the answer
	 */
	static InvokeApiResponse error(int status, String errorType, String message) {
		ApiError error = new ApiError(status, errorType, message);
		return new InvokeApiResponse(status, error.headers(), error.body());
	}

	private static Map<String, String> executed(String requestId) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", JsonBodies.CONTENT_TYPE);
		headers.put(ApiError.REQUEST_ID, requestId);
		headers.put("X-Amz-Executed-Version", "$LATEST");
		return headers;
	}

}
