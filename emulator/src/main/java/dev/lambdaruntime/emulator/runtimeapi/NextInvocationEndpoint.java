package dev.lambdaruntime.emulator.runtimeapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.extensionsapi.ExtensionRegistry;
import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.invocation.EmulatedInvocation;
import dev.lambdaruntime.emulator.invocation.ExecutionEnvironment;
import dev.lambdaruntime.emulator.invocation.InvocationQueue;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;

/**
 * Answers {@code GET /runtime/invocation/next}: waits for the next queued invocation, starts it,
 * sends extensions its {@code INVOKE} event, and hands its event to the runtime, putting it back
 * in the queue if the runtime went away. With one invocation at a time, a call made while an
 * invocation runs gets that invocation again, as in Lambda: so an event whose delivery failed
 * unnoticed is delivered when the runtime asks for its next event, rather than timing out.
 */
final class NextInvocationEndpoint {

	private final InvocationQueue queue;

	private final ExecutionEnvironment environment;

	private final ExtensionRegistry extensions;

	NextInvocationEndpoint(InvocationQueue queue, ExecutionEnvironment environment, ExtensionRegistry extensions) {
		this.queue = queue;
		this.extensions = extensions;
		this.environment = environment;
	}

	/**
	 * Waits for the next invocation.
	 * @return the answer carrying its event, or empty if the emulator closed meanwhile or the
	 * runtime exited
	 */
	Optional<RuntimeApiResponse> next() {
		if (!this.environment.nextCalled()) {
			return Optional.of(RuntimeApiResponse.invalidStateTransition(
					"The runtime reported an init error: it gets no event, and should exit"));
		}
		try {
			while (true) {
				Optional<InvocationQueue.Handout> next = this.queue.take();
				if (next.isEmpty()) {
					return Optional.empty();
				}
				OptionalInt delivery = handOut(next.get());
				if (delivery.isPresent()) {
					return Optional.of(delivery(next.get().invocation(), delivery.getAsInt()));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/**
	 * Starts an invocation taken from the queue, or hands a running one out again.
	 * @return the number of the delivery, or empty if the invocation ended meanwhile
	 */
	private OptionalInt handOut(InvocationQueue.Handout handout) {
		EmulatedInvocation invocation = handout.invocation();
		if (handout.again()) {
			return invocation.deliverAgain();
		}
		OptionalInt delivery = invocation.start(this.environment.takeInitDuration());
		if (delivery.isPresent()) {
			this.extensions.invoked(invocation);
		}
		else {
			this.queue.finished(invocation);
		}
		return delivery;
	}

	private RuntimeApiResponse delivery(EmulatedInvocation invocation, int delivery) {
		InvocationRequest request = invocation.request();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", JsonBodies.CONTENT_TYPE);
		headers.put(RuntimeApiProtocol.REQUEST_ID, invocation.requestId());
		headers.put(RuntimeApiProtocol.DEADLINE_MS, Long.toString(invocation.deadlineEpochMillis()));
		headers.put(RuntimeApiProtocol.INVOKED_FUNCTION_ARN, invocation.invokedFunctionArn());
		headers.put(RuntimeApiProtocol.TRACE_ID, request.traceId());
		request.clientContext().ifPresent((value) -> headers.put(RuntimeApiProtocol.CLIENT_CONTEXT, value));
		request.cognitoIdentity().ifPresent((value) -> headers.put(RuntimeApiProtocol.COGNITO_IDENTITY, value));
		request.tenantId().ifPresent((value) -> headers.put(RuntimeApiProtocol.TENANT_ID, value));
		return new RuntimeApiResponse(200, headers, invocation.payload(), () -> {
			if (invocation.returnToQueue(delivery)) {
				this.queue.putBack(invocation);
			}
		}, RuntimeApiResponse.NOTHING);
	}

}
