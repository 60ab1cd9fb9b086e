package dev.lambdaruntime.emulator.invocation;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.http.JsonBodies;
import org.jspecify.annotations.Nullable;

/**
 * One invocation as it goes from queued to running (handed to the runtime, deadline armed) to
 * done, completing its result exactly once.
 */
public final class EmulatedInvocation {

	/** The error type of an invocation that ran out of time. */
	static final String TIMEOUT_ERROR_TYPE = "Sandbox.Timedout";

	private enum State {

		QUEUED, RUNNING, DONE

	}

	private final InvocationRequest request;

	private final byte[] payload;

	private final String invokedFunctionArn;

	private final Duration timeout;

	private final Runnable onTimeout;

	private final ResponseListener listener;

	private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();

	private State state = State.QUEUED;

	private long startNanos;

	private long deadlineEpochMillis;

	private @Nullable ScheduledFuture<?> timeoutTask;

	/**
	 * Creates a queued invocation whose streamed response, if the runtime streams one, is passed
	 * on to a listener as it arrives.
	 * @param request the event and its details
	 * @param invokedFunctionArn the ARN the runtime is told was invoked
	 * @param timeout how long the runtime may take once it has the event
	 * @param onTimeout run after the invocation timed out
	 * @param listener told of a streamed response's chunks, on the thread that reads them
	 */
	EmulatedInvocation(InvocationRequest request, String invokedFunctionArn, Duration timeout, Runnable onTimeout,
			ResponseListener listener) {
		this.listener = listener;
		this.request = request;
		this.payload = request.payload();
		this.invokedFunctionArn = invokedFunctionArn;
		this.timeout = timeout;
		this.onTimeout = onTimeout;
	}

	public InvocationRequest request() {
		return this.request;
	}

	/**
	 * Returns the event, copied once from the request, for the readers that never change it.
	 * @return the event, not copied
	 */
	public byte[] payload() {
		return this.payload;
	}

	public String requestId() {
		return this.request.requestId();
	}

	public String invokedFunctionArn() {
		return this.invokedFunctionArn;
	}

	CompletableFuture<InvocationResult> result() {
		return this.result;
	}

	/** What a streamed response is passed on to as it arrives. */
	public ResponseListener listener() {
		return this.listener;
	}

	/** Whether the invocation is running, so that the runtime may answer it. */
	public synchronized boolean running() {
		return this.state == State.RUNNING;
	}

	/**
	 * Moves a queued invocation to running: sets its deadline and arms its timeout.
	 * @param timer where the timeout runs
	 * @return {@code false} if the invocation is no longer queued
	 */
	public synchronized boolean start(ScheduledExecutorService timer) {
		if (this.state != State.QUEUED) {
			return false;
		}
		this.state = State.RUNNING;
		this.startNanos = System.nanoTime();
		this.deadlineEpochMillis = System.currentTimeMillis() + this.timeout.toMillis();
		this.timeoutTask = timer.schedule(this::timeOut, this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		return true;
	}

	public synchronized long deadlineEpochMillis() {
		return this.deadlineEpochMillis;
	}

	/**
	 * Moves a running invocation back to queued, because the runtime it was handed to never
	 * received it.
	 * @return {@code false} if the invocation already ended
	 */
	public synchronized boolean returnToQueue() {
		if (this.state != State.RUNNING) {
			return false;
		}
		this.state = State.QUEUED;
		cancelTimeout();
		return true;
	}

	/**
	 * Ends a running invocation with the runtime's response or error, or an error the emulator
	 * reports on its behalf.
	 * @param isError whether the runtime posted an error
	 * @param payload the posted body
	 * @param errorType the posted error type, if any
	 * @param headers the headers of the post
	 * @return what hands the result to the invoker, to run once the exchange is recorded; empty
	 * if the invocation is not running (so the post is invalid)
	 */
	public Optional<Runnable> answer(boolean isError, byte[] payload, @Nullable String errorType,
			Map<String, String> headers) {
		return end(State.RUNNING, isError, payload, errorType, headers);
	}

	/**
	 * Ends a queued invocation with an error, because the runtime it waits for failed to start.
	 * @param payload the error body
	 * @param errorType the error type, if known
	 * @param headers the headers the runtime reported the error with
	 */
	void failBeforeStart(byte[] payload, @Nullable String errorType, Map<String, String> headers) {
		end(State.QUEUED, true, payload, errorType, headers).ifPresent(Runnable::run);
	}

	private Optional<Runnable> end(State expected, boolean isError, byte[] payload, @Nullable String errorType,
			Map<String, String> headers) {
		InvocationResult answer;
		synchronized (this) {
			if (this.state != expected) {
				return Optional.empty();
			}
			Duration duration = (this.state == State.RUNNING) ? Duration.ofNanos(System.nanoTime() - this.startNanos)
					: Duration.ZERO;
			this.state = State.DONE;
			cancelTimeout();
			answer = new InvocationResult(requestId(), isError, payload, errorType, headers, duration);
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
			.ifPresent((completion) -> {
				completion.run();
				this.onTimeout.run();
			});
	}

	private void cancelTimeout() {
		if (this.timeoutTask != null) {
			this.timeoutTask.cancel(false);
			this.timeoutTask = null;
		}
	}

	/**
	 * Told of a response the runtime streams, as it arrives, on the thread that reads it; the
	 * end of the stream is the completion of the invocation's result.
	 */
	public interface ResponseListener {

		/** A listener that ignores streamed responses: the result carries them whole. */
		ResponseListener NONE = new ResponseListener() {

			@Override
			public void started(Map<String, String> headers) {
			}

			@Override
			public void received(byte[] bytes, int offset, int length) {
			}

		};

		/**
		 * The runtime began to stream the response.
		 * @param headers the headers of its post, with lower-case names
		 */
		void started(Map<String, String> headers);

		/**
		 * Bytes of the streamed response arrived.
		 * @param bytes a buffer holding them, reused once this returns
		 * @param offset where they start
		 * @param length how many there are
		 */
		void received(byte[] bytes, int offset, int length);

	}

}
