package dev.lambdaruntime.test;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Answers {@code POST /runtime/invocation/{requestId}/response} and {@code .../error}: ends the
 * running invocation with that id, or refuses an id that has no running invocation.
 */
final class InvocationAnswerEndpoint {

	private final InvocationRegistry invocations;

	InvocationAnswerEndpoint(InvocationRegistry invocations) {
		this.invocations = invocations;
	}

	RuntimeApiResponse response(RuntimeApiRequest request) {
		return answer(request, false, null);
	}

	RuntimeApiResponse error(RuntimeApiRequest request) {
		return answer(request, true, request.headers().get(RuntimeApiHeaders.FUNCTION_ERROR_TYPE));
	}

	private RuntimeApiResponse answer(RuntimeApiRequest request, boolean isError, @Nullable String errorType) {
		String requestId = Objects.requireNonNull(request.route().requestId(), "requestId");
		return this.invocations.find(requestId)
			.flatMap((invocation) -> invocation.answer(isError, request.body().bytes(), errorType, request.headers()))
			.map(RuntimeApiResponse::accepted)
			.orElseGet(() -> RuntimeApiResponse.error(400, "InvalidRequestID", "No running invocation has request id "
					+ requestId + ": it is unknown, or was already answered, or timed out"));
	}

}
