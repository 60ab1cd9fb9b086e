package dev.lambdaruntime.test;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Answers {@code POST /runtime/invocation/{requestId}/response} and {@code .../error}: ends the
 * running invocation with that id, or refuses an id that has no running invocation.
 */
final class InvocationAnswerEndpoint {

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

	RuntimeApiResponse error(RuntimeApiRequest request) {
		return answer(request, true, request.headers().get(RuntimeApiHeaders.FUNCTION_ERROR_TYPE));
	}

	private RuntimeApiResponse answer(RuntimeApiRequest request, boolean isError, @Nullable String errorType) {
		String requestId = Objects.requireNonNull(request.route().requestId(), "requestId");
		return this.invocations.find(requestId)
			.flatMap((invocation) -> invocation.answer(isError, request.body().bytes(), errorType, request.headers()))
			.map(RuntimeApiResponse::accepted)
			.orElseGet(() -> {
				this.refused.incrementAndGet();
				return RuntimeApiResponse.error(400, "InvalidRequestID", "No running invocation has request id "
						+ requestId + ": it is unknown, or was already answered, or timed out");
			});
	}

}
