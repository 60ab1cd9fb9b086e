package dev.lambdaruntime.emulator.invocation;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;

/**
 * Takes in invocations from either side, the Java API and the Invoke API: registers each so that
 * the runtime's answer finds it, queues it, and records it in the history.
 */
public final class InvocationIntake {

	private final InvocationQueue queue;

	private final InvocationRegistry registry;

	private final InvocationHistory history;

	private final String defaultFunctionArn;

	private final Duration defaultTimeout;

	private final Runnable onTimeout;

	private final ScheduledExecutorService timer;

	private final InvocationLog log;

	public InvocationIntake(InvocationQueue queue, InvocationRegistry registry, InvocationHistory history,
			String defaultFunctionArn, Duration defaultTimeout, Runnable onTimeout, ScheduledExecutorService timer,
			InvocationLog log) {
		this.timer = timer;
		this.log = log;
		this.queue = queue;
		this.registry = registry;
		this.history = history;
		this.defaultFunctionArn = defaultFunctionArn;
		this.defaultTimeout = defaultTimeout;
		this.onTimeout = onTimeout;
	}

	/**
	 * Returns the report of an invocation that ended lately, with its log.
	 * @param requestId its request id
	 * @return the report, or empty if it has not ended or ended too long ago
	 */
	public Optional<InvocationReport> report(String requestId) {
		return this.log.report(requestId);
	}

	/** How long an invocation of the request may run: its own timeout, else the emulator's. */
	public Duration timeoutOf(InvocationRequest request) {
		return request.timeout().orElse(this.defaultTimeout);
	}

	/**
	 * Checks that an invocation could be queued now, so that its event is refused before it is
	 * read.
	 * @param eventBytes the length of its event, as far as known
	 * @throws RejectedExecutionException if the queue of waiting invocations is full
	 */
	public void requireRoomFor(long eventBytes) {
		this.queue.requireRoomFor(eventBytes);
	}

	/**
	 * Queues an invocation.
	 * @param request the event and its details
	 * @param functionName the function name the invoker used, for the history
	 * @return the invocation's own result future
	 * @throws IllegalArgumentException if an invocation with the same request id has not ended
	 * @throws IllegalStateException if the emulator is closed
	 * @throws RejectedExecutionException if the queue of waiting invocations is full
	 */
	public CompletableFuture<InvocationResult> invoke(InvocationRequest request, String functionName) {
		return invoke(request, functionName, EmulatedInvocation.ResponseListener.NONE);
	}

	/**
	 * Queues an invocation whose streamed response, if any, is passed on as it arrives.
	 * @param request the event and its details
	 * @param functionName the function name the invoker used, for the history
	 * @param listener told of a streamed response as it arrives
	 * @return the invocation's own result future
	 * @throws IllegalArgumentException if an invocation with the same request id has not ended
	 * @throws IllegalStateException if the emulator is closed
	 * @throws RejectedExecutionException if the queue of waiting invocations is full
	 */
	public CompletableFuture<InvocationResult> invoke(InvocationRequest request, String functionName,
			EmulatedInvocation.ResponseListener listener) {
		EmulatedInvocation invocation = new EmulatedInvocation(request, request.invokedFunctionArn().orElse(this.defaultFunctionArn),
				timeoutOf(request), this.onTimeout, listener, this.log);
		this.registry.add(invocation);
		invocation.result().whenComplete((result, failure) -> this.queue.finished(invocation));
		try {
			this.queue.add(invocation);
		}
		catch (IllegalStateException | RejectedExecutionException ex) {
			invocation.abort(ex);
			throw ex;
		}
		invocation.armTimeout(this.timer);
		this.history.record(invocation, functionName);
		return invocation.result();
	}

}
