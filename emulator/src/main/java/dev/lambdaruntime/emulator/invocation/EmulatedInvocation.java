package dev.lambdaruntime.emulator.invocation;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.http.JsonBodies;
import org.jspecify.annotations.Nullable;

/**
 * One invocation as it goes from queued to running (handed to the runtime) to done, completing
 * its result exactly once. Its timeout runs from the moment it is queued, as Lambda's does, so an
 * invocation waiting for a runtime that never polls times out too.
 */
public final class EmulatedInvocation {

	/** The error type of an invocation that ran out of time. */
	static final String TIMEOUT_ERROR_TYPE = "Sandbox.Timedout";

	private enum State {

		QUEUED, RUNNING, DONE

	}

	private final InvocationRequest request;

	private final String invokedFunctionArn;

	private final Duration timeout;

	private final Runnable onTimeout;

	private final ResponseListener listener;

	private final InvocationLog log;

	private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();

	private State state = State.QUEUED;

	/** How many times the invocation was handed to a runtime, so that a failed delivery is told from a later one. */
	private int deliveries;

	private boolean taken;

	private long startNanos;

	private @Nullable Duration initDuration;

	private final long deadlineEpochMillis;

	private @Nullable ScheduledFuture<?> timeoutTask;

	/**
	 * Creates a queued invocation whose streamed response, if the runtime streams one, is passed
	 * on to a listener as it arrives.
	 * @param request the event and its details
	 * @param invokedFunctionArn the ARN the runtime is told was invoked
	 * @param timeout how long the invocation may take from now on
	 * @param onTimeout run after the invocation timed out
	 * @param listener told of a streamed response's chunks, on the thread that reads them
	 * @param log where the invocation's start and end are written
	 */
	EmulatedInvocation(InvocationRequest request, String invokedFunctionArn, Duration timeout, Runnable onTimeout,
			ResponseListener listener, InvocationLog log) {
		this.listener = listener;
		this.log = log;
		this.request = request;
		this.invokedFunctionArn = invokedFunctionArn;
		this.timeout = timeout;
		this.onTimeout = onTimeout;
		this.deadlineEpochMillis = System.currentTimeMillis() + timeout.toMillis();
	}

	public InvocationRequest request() {
		return this.request;
	}

	/**
	 * Returns a copy of the event, made for the one who writes or reads it, so that the
	 * invocation holds the event once however long it waits.
	 * @return the event
	 */
	public byte[] payload() {
		return this.request.payload();
	}

	/** The number of event bytes, which the queue's limit of bytes counts. */
	int payloadLength() {
		return this.request.payloadLength();
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
	 * Whether the runtime took the invocation: it runs, or it ran before it ended; {@code false}
	 * while it waits in the queue, and for one that ended without reaching a runtime (an init
	 * error, a timeout in the queue).
	 */
	public synchronized boolean taken() {
		return this.taken;
	}

	/** Whether the invocation has ended, so that the runtime may no longer answer it. */
	public synchronized boolean ended() {
		return this.state == State.DONE;
	}

	/**
	 * Arms the timeout, which ends the invocation wherever it is when its time is up.
	 * @param timer where the timeout runs
	 */
	synchronized void armTimeout(ScheduledExecutorService timer) {
		if (this.state != State.DONE) {
			long remaining = this.deadlineEpochMillis - System.currentTimeMillis();
			this.timeoutTask = timer.schedule(this::timeOut, Math.max(0, remaining), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Moves a queued invocation to running, and writes its {@code START} line.
	 * @param initDuration how long the runtime took to initialize, if this is its first
	 * invocation since; else {@code null}
	 * @return the number of this delivery, for {@link #returnToQueue(int)}; empty if the
	 * invocation is no longer queued
	 */
	public OptionalInt start(@Nullable Duration initDuration) {
		int delivery;
		synchronized (this) {
			if (this.state != State.QUEUED) {
				return OptionalInt.empty();
			}
			this.state = State.RUNNING;
			this.taken = true;
			this.startNanos = System.nanoTime();
			this.initDuration = (initDuration != null) ? initDuration : this.initDuration;
			delivery = ++this.deliveries;
		}
		this.log.started(requestId());
		return OptionalInt.of(delivery);
	}

	/**
	 * Hands a running invocation to the runtime once more, because the runtime asked for its
	 * next event while it ran: with one invocation at a time that is the one in progress, as in
	 * Lambda ({@code RuntimeRunningState.Ready} of the Runtime Interface Emulator renders it
	 * again). Its earlier delivery may have been lost without a failed write to show it, as an
	 * event without a body is, whose headers go out whole into a connection already closed.
	 * @return the number of this delivery, for {@link #returnToQueue(int)}; empty if the
	 * invocation is no longer running
	 */
	public synchronized OptionalInt deliverAgain() {
		return (this.state == State.RUNNING) ? OptionalInt.of(++this.deliveries) : OptionalInt.empty();
	}

	/** When the invocation times out, in epoch milliseconds: its arrival plus its timeout. */
	public long deadlineEpochMillis() {
		return this.deadlineEpochMillis;
	}

	/**
	 * Moves a running invocation back to queued, because the runtime it was handed to never
	 * received it.
	 * @param delivery the number of the delivery that failed
	 * @return {@code false} if the invocation already ended, or was handed out again since
	 */
	public synchronized boolean returnToQueue(int delivery) {
		if (this.state != State.RUNNING || delivery != this.deliveries) {
			return false;
		}
		this.state = State.QUEUED;
		this.taken = false;
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
		return end(EnumSet.of(State.RUNNING), isError, payload, errorType, headers);
	}

	/**
	 * Ends a queued invocation with an error, because the runtime it waits for failed to start.
	 * @param payload the error body
	 * @param errorType the error type, if known
	 * @param headers the headers the runtime reported the error with
	 */
	void failBeforeStart(byte[] payload, @Nullable String errorType, Map<String, String> headers) {
		end(EnumSet.of(State.QUEUED), true, payload, errorType, headers).ifPresent(Runnable::run);
	}

	private Optional<Runnable> end(Set<State> from, boolean isError, byte[] payload, @Nullable String errorType,
			Map<String, String> headers) {
		InvocationResult answer;
		Duration init;
		synchronized (this) {
			if (!from.contains(this.state)) {
				return Optional.empty();
			}
			Duration duration = (this.state == State.RUNNING) ? Duration.ofNanos(System.nanoTime() - this.startNanos)
					: Duration.ZERO;
			this.state = State.DONE;
			cancelTimeout();
			answer = new InvocationResult(requestId(), isError, payload, errorType, headers, duration);
			init = this.initDuration;
		}
		return Optional.of(() -> {
			this.log.ended(answer, init);
			this.result.complete(answer);
		});
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
		end(EnumSet.of(State.QUEUED, State.RUNNING), true, JsonBodies.error(TIMEOUT_ERROR_TYPE, message), TIMEOUT_ERROR_TYPE, Map.of())
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
