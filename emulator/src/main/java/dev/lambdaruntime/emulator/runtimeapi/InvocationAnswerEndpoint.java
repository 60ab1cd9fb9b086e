package dev.lambdaruntime.emulator.runtimeapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.http.RequestBody;
import dev.lambdaruntime.emulator.invocation.EmulatedInvocation;
import dev.lambdaruntime.emulator.invocation.InvocationRegistry;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers {@code POST /runtime/invocation/{requestId}/response} and {@code .../error}: ends the
 * running invocation with that id, or refuses an id that has no running invocation, as Lambda
 * does (the Runtime Interface Emulator's {@code rapi/handler/invocationresponse.go} and
 * {@code invocationerror.go}): 403 {@code InvalidStateTransition} for an invocation that ended
 * already, 400 {@code InvalidRequestID} for an id never handed out. A response over the payload
 * limit gets 413 and ends the invocation with {@code Function.ResponseSizeTooLarge}; an unknown
 * {@code Lambda-Runtime-Function-Response-Mode} gets 400 {@code InvalidFunctionResponseMode} and
 * ends it with {@code Runtime.InvalidResponseModeHeader}; an error posted as
 * {@value #ERROR_CAUSE_CONTENT_TYPE} reaches the invoker without its {@code errorCause}.
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

	/** The content type of an error body that carries an {@code errorCause} for X-Ray. */
	static final String ERROR_CAUSE_CONTENT_TYPE = "application/vnd.aws.lambda.error.cause+json";

	static final String RESPONSE_TOO_LARGE_ERROR_TYPE = "Function.ResponseSizeTooLarge";

	static final String INVALID_RESPONSE_MODE_ERROR_TYPE = "Runtime.InvalidResponseModeHeader";

	private static final List<String> INVOKER_ERROR_FIELDS = List.of("errorMessage", "errorType", "stackTrace");

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
		String mode = request.headers().get(RuntimeApiProtocol.RESPONSE_MODE);
		if (mode != null) {
			return failRunning(request, INVALID_RESPONSE_MODE_ERROR_TYPE,
					"Invalid Lambda-Runtime-Function-Response-Mode: " + mode, RuntimeApiResponse.error(400,
							"InvalidFunctionResponseMode", "Invalid function response mode"));
		}
		if (request.body().tooLarge()) {
			String message = "Response payload size (" + request.body().length() + " bytes) exceeded maximum allowed "
					+ "payload size (" + RequestBody.MAX_LENGTH + " bytes).";
			return failRunning(request, RESPONSE_TOO_LARGE_ERROR_TYPE, message, RuntimeApiResponse.error(413,
					"RequestEntityTooLarge", "Exceeded maximum allowed payload size (" + RequestBody.MAX_LENGTH
							+ " bytes)."));
		}
		return answer(request, false, request.body().bytes(), null);
	}

	/**
	 * Ends the running invocation with an error the emulator reports on the runtime's behalf,
	 * and refuses the post.
	 */
	private RuntimeApiResponse failRunning(RuntimeApiRequest request, String errorType, String errorMessage,
			RuntimeApiResponse refusal) {
		String requestId = Objects.requireNonNull(request.route().requestId(), "requestId");
		Optional<EmulatedInvocation> found = this.invocations.find(requestId);
		if (found.isEmpty()) {
			return refuse(requestId, null);
		}
		return found.get()
			.answer(true, JsonBodies.error(errorType, errorMessage), errorType, request.headers())
			.map((completion) -> new RuntimeApiResponse(refusal.status(), refusal.headers(), refusal.body(),
					RuntimeApiResponse.NOTHING, completion))
			.orElseGet(() -> refuse(requestId, found.get()));
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
			return refuse(requestId, this.invocations.find(requestId).orElse(null));
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
		return answer(request, true, errorForInvoker(request),
				request.headers().get(RuntimeApiProtocol.FUNCTION_ERROR_TYPE));
	}

	/**
	 * The error body the invoker sees: as posted, or without the {@code errorCause} (which Lambda
	 * sends to X-Ray) when posted as {@value #ERROR_CAUSE_CONTENT_TYPE}.
	 */
	private static byte[] errorForInvoker(RuntimeApiRequest request) {
		byte[] posted = request.body().bytes();
		if (!ERROR_CAUSE_CONTENT_TYPE.equalsIgnoreCase(request.headers().get("content-type"))) {
			return posted;
		}
		try {
			JsonNode error = JsonMapper.shared().readTree(posted);
			ObjectNode kept = JsonMapper.shared().createObjectNode();
			INVOKER_ERROR_FIELDS.stream().filter(error::has).forEach((field) -> kept.set(field, error.get(field)));
			return JsonMapper.shared().writeValueAsBytes(kept);
		}
		catch (JacksonException ex) {
			return posted;
		}
	}

	private RuntimeApiResponse answer(RuntimeApiRequest request, boolean isError, byte[] payload,
			@Nullable String errorType) {
		String requestId = Objects.requireNonNull(request.route().requestId(), "requestId");
		return this.invocations.find(requestId)
			.map((invocation) -> answer(requestId, invocation, isError, payload, errorType, request.headers()))
			.orElseGet(() -> refuse(requestId, null));
	}

	private RuntimeApiResponse answer(String requestId, EmulatedInvocation invocation, boolean isError, byte[] payload,
			@Nullable String errorType, Map<String, String> headers) {
		return invocation.answer(isError, payload, errorType, headers)
			.map(RuntimeApiResponse::accepted)
			.orElseGet(() -> refuse(requestId, invocation));
	}

	/**
	 * Refuses an answer for an id without a running invocation.
	 * @param requestId the id
	 * @param found the unfinished invocation with that id, if any
	 */
	private RuntimeApiResponse refuse(String requestId, @Nullable EmulatedInvocation found) {
		this.refused.incrementAndGet();
		if ((found != null && found.ended()) || (found == null && this.invocations.ended(requestId))) {
			return RuntimeApiResponse.invalidStateTransition("The invocation " + requestId
					+ " has ended already: it was answered, or timed out");
		}
		return RuntimeApiResponse.error(400, "InvalidRequestID", "No running invocation has request id "
				+ requestId);
	}

}
