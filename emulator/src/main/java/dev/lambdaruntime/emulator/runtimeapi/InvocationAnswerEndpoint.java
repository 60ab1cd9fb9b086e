package dev.lambdaruntime.emulator.runtimeapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.invocation.EmulatedInvocation;
import dev.lambdaruntime.emulator.invocation.InvocationRegistry;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.jspecify.annotations.Nullable;

/**
 * Answers {@code POST /runtime/invocation/{requestId}/response} and {@code .../error}: ends the
 * running invocation with that id, or refuses an id that has no running invocation.
 * <p>
 * A response posted with {@code Lambda-Runtime-Function-Response-Mode: streaming} is passed on
 * to the invocation's {@link EmulatedInvocation.ResponseListener listener} as it arrives, and collected
 * whole (up to 200 MB) for the invocation's result once it ends. Its bytes go on as they are:
 * an HTTP-integration response ({@code application/vnd.awslambda.http-integration-response})
 * keeps its JSON prelude and the 8 NUL bytes after it, which is enough for an emulator.
 * <p>
 * Limitation: the JDK's HTTP server cannot read a chunked body's trailers (it fails reading
 * the end of the body instead), so the {@code Lambda-Runtime-Function-Error-Type} and
 * {@code Lambda-Runtime-Function-Error-Body} trailers of a function that failed midway are
 * lost. A streamed body that does not end cleanly, for that reason or because the runtime went
 * away, ends the invocation with an error of type {@value #STREAM_FAILED_ERROR_TYPE}; the
 * invoker's stream just ends, as a Function URL's does.
 */
final class InvocationAnswerEndpoint {

	/** The error type of an invocation whose streamed response did not end cleanly. */
	static final String STREAM_FAILED_ERROR_TYPE = "Runtime.StreamedResponseFailed";

	private static final int READ_SIZE = 8192;

	private final InvocationRegistry invocations;

	private final AtomicLong refused = new AtomicLong();

	InvocationAnswerEndpoint(InvocationRegistry invocations) {
		this.invocations = invocations;
	}

	/** How many answers were refused: duplicates, late ones, or for unknown ids. */
	long refused() {
		return this.refused.get();
	}

	RuntimeApiResponse response(RuntimeApiRequest request) {
		return answer(request, false, null);
	}

	/**
	 * Answers a streamed response once its body has ended, having passed it on as it arrived.
	 * @param request the post, with its body not yet read
	 * @return the answer to the runtime
	 */
	RuntimeApiResponse streamedResponse(RuntimeApiRequest request) {
		StreamedBody body = Objects.requireNonNull(request.streamed(), "streamed");
		String requestId = Objects.requireNonNull(request.route().requestId(), "requestId");
		Optional<EmulatedInvocation> found = this.invocations.find(requestId).filter(EmulatedInvocation::running);
		if (found.isEmpty()) {
			body.discard();
			return refuse(requestId);
		}
		EmulatedInvocation invocation = found.get();
		EmulatedInvocation.ResponseListener listener = invocation.listener();
		listener.started(request.headers());
		ByteArrayOutputStream whole = new ByteArrayOutputStream();
		byte[] buffer = new byte[READ_SIZE];
		try {
			for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
				if (whole.size() + (long) read > StreamedBody.MAX_LENGTH) {
					body.discard();
					return RuntimeApiResponse.error(413, "RequestEntityTooLarge", "The streamed response exceeds "
							+ "the limit of " + StreamedBody.MAX_LENGTH + " bytes");
				}
				whole.write(buffer, 0, read);
				listener.received(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			String message = "The streamed response did not end cleanly after " + whole.size() + " bytes: the "
					+ "function failed midway (the emulator cannot read the error trailers) or the runtime went "
					+ "away (" + ex.getMessage() + ")";
			return answer(requestId, invocation, true, JsonBodies.error(STREAM_FAILED_ERROR_TYPE, message),
					STREAM_FAILED_ERROR_TYPE, request.headers())
				.closingConnection();
		}
		return answer(requestId, invocation, false, whole.toByteArray(), null, request.headers());
	}

	RuntimeApiResponse error(RuntimeApiRequest request) {
		return answer(request, true, request.headers().get(RuntimeApiProtocol.FUNCTION_ERROR_TYPE));
	}

	private RuntimeApiResponse answer(RuntimeApiRequest request, boolean isError, @Nullable String errorType) {
		String requestId = Objects.requireNonNull(request.route().requestId(), "requestId");
		return this.invocations.find(requestId)
			.map((invocation) -> answer(requestId, invocation, isError, request.body().bytes(), errorType,
					request.headers()))
			.orElseGet(() -> refuse(requestId));
	}

	private RuntimeApiResponse answer(String requestId, EmulatedInvocation invocation, boolean isError, byte[] payload,
			@Nullable String errorType, Map<String, String> headers) {
		return invocation.answer(isError, payload, errorType, headers)
			.map(RuntimeApiResponse::accepted)
			.orElseGet(() -> refuse(requestId));
	}

	private RuntimeApiResponse refuse(String requestId) {
		this.refused.incrementAndGet();
		return RuntimeApiResponse.error(400, "InvalidRequestID", "No running invocation has request id "
				+ requestId + ": it is unknown, or was already answered, or timed out");
	}

}
