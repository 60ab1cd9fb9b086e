package dev.lambdaruntime.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Answers {@code GET /runtime/invocation/next}: waits for the next queued invocation, starts it,
 * and hands its event to the runtime, putting it back in the queue if the runtime went away.
 */
final class NextInvocationEndpoint {

	private final InvocationQueue queue;

	private final ScheduledExecutorService timer;

	private final RuntimeLifecycle lifecycle;

	NextInvocationEndpoint(InvocationQueue queue, ScheduledExecutorService timer, RuntimeLifecycle lifecycle) {
		this.queue = queue;
		this.timer = timer;
		this.lifecycle = lifecycle;
	}

	/**
	 * Waits for the next invocation.
	 * @return the answer carrying its event, or empty if the emulator closed meanwhile or the
	 * runtime exited
	 */
	Optional<RuntimeApiResponse> next() {
		this.lifecycle.nextCalled();
		try {
			Optional<Invocation> next = this.queue.take();
			if (next.isEmpty()) {
				return Optional.empty();
			}
			if (!next.get().start(this.timer)) {
				this.queue.finished(next.get());
				return Optional.empty();
			}
			return Optional.of(delivery(next.get()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private RuntimeApiResponse delivery(Invocation invocation) {
		InvocationRequest request = invocation.request();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", RuntimeApiResponse.JSON);
		headers.put(RuntimeApiHeaders.REQUEST_ID, invocation.requestId());
		headers.put(RuntimeApiHeaders.DEADLINE_MS, Long.toString(invocation.deadlineEpochMillis()));
		headers.put(RuntimeApiHeaders.INVOKED_FUNCTION_ARN, invocation.invokedFunctionArn());
		headers.put(RuntimeApiHeaders.TRACE_ID, request.traceId());
		request.clientContext().ifPresent((value) -> headers.put(RuntimeApiHeaders.CLIENT_CONTEXT, value));
		request.cognitoIdentity().ifPresent((value) -> headers.put(RuntimeApiHeaders.COGNITO_IDENTITY, value));
		request.tenantId().ifPresent((value) -> headers.put(RuntimeApiHeaders.TENANT_ID, value));
		return new RuntimeApiResponse(200, headers, request.payloadBytes(), () -> {
			if (invocation.returnToQueue()) {
				this.queue.putBack(invocation);
			}
		}, RuntimeApiResponse.NOTHING);
	}

}
