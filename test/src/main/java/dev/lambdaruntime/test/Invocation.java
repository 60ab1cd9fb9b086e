package dev.lambdaruntime.test;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * One invocation as it goes from queued to running (handed to the runtime, deadline armed) to
 * done, completing its result exactly once.
 */
final class Invocation {

	private static final String TIMEOUT_ERROR_TYPE = "Sandbox.Timedout";

	private enum State {

		QUEUED, RUNNING, DONE

	}

	private final InvocationRequest request;

	private final String invokedFunctionArn;

	private final Duration timeout;

	private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();

	private State state = State.QUEUED;

	private long startNanos;

	private long deadlineEpochMillis;

	private @Nullable ScheduledFuture<?> timeoutTask;

	Invocation(InvocationRequest request, String invokedFunctionArn, Duration timeout) {
		this.request = request;
		this.invokedFunctionArn = invokedFunctionArn;
		this.timeout = timeout;
	}

	InvocationRequest request() {
		return this.request;
	}

	String requestId() {
		return this.request.requestId();
	}

	String invokedFunctionArn() {
		return this.invokedFunctionArn;
	}

	CompletableFuture<InvocationResult> result() {
		return this.result;
	}

	/**
	 * Moves a queued invocation to running: sets its deadline and arms its timeout.
	 * @param timer where the timeout runs
	 * @return {@code false} if the invocation is no longer queued
	 */
	synchronized boolean start(ScheduledExecutorService timer) {
		if (this.state != State.QUEUED) {
			return false;
		}
		this.state = State.RUNNING;
		this.startNanos = System.nanoTime();
		this.deadlineEpochMillis = System.currentTimeMillis() + this.timeout.toMillis();
		this.timeoutTask = timer.schedule(this::timeOut, this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		return true;
	}

	synchronized long deadlineEpochMillis() {
		return this.deadlineEpochMillis;
	}

	/**
	 * Moves a running invocation back to queued, because the runtime it was handed to never
	 * received it.
	 * @return {@code false} if the invocation already ended
	 */
	synchronized boolean returnToQueue() {
		if (this.state != State.RUNNING) {
			return false;
		}
		this.state = State.QUEUED;
		cancelTimeout();
		return true;
	}

	/**
	 * Ends a running invocation with the runtime's response or error.
	 * @param isError whether the runtime posted an error
	 * @param payload the posted body
	 * @param errorType the posted error type, if any
	 * @param headers the headers of the post
	 * @return what hands the result to the invoker, to run once the exchange is recorded; empty
	 * if the invocation is not running (so the post is invalid)
	 */
	Optional<Runnable> answer(boolean isError, byte[] payload, @Nullable String errorType,
			Map<String, String> headers) {
		InvocationResult answer;
		synchronized (this) {
			if (this.state != State.RUNNING) {
				return Optional.empty();
			}
			this.state = State.DONE;
			cancelTimeout();
			answer = new InvocationResult(requestId(), isError, payload, errorType, headers,
					Duration.ofNanos(System.nanoTime() - this.startNanos));
		}
		return Optional.of(() -> this.result.complete(answer));
	}

	/**
	 * Ends an invocation that has not ended yet with the given failure.
	 * @param cause why the invocation cannot end normally
	 */
	void abort(Throwable cause) {
		synchronized (this) {
			if (this.state == State.DONE) {
				return;
			}
			this.state = State.DONE;
			cancelTimeout();
		}
		this.result.completeExceptionally(cause);
	}

	private void timeOut() {
		String message = String.format(Locale.ROOT, "%s Task timed out after %.2f seconds", requestId(),
				this.timeout.toMillis() / 1000.0);
		answer(true, JsonBodies.error(TIMEOUT_ERROR_TYPE, message), TIMEOUT_ERROR_TYPE, Map.of())
			.ifPresent(Runnable::run);
	}

	private void cancelTimeout() {
		if (this.timeoutTask != null) {
			this.timeoutTask.cancel(false);
			this.timeoutTask = null;
		}
	}

}
