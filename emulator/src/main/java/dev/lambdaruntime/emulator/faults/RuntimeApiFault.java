package dev.lambdaruntime.emulator.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.invocation.Durations;
import dev.lambdaruntime.emulator.runtimeapi.RuntimeApiOperation;
import dev.lambdaruntime.emulator.runtimeapi.RuntimeApiResponse;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.jspecify.annotations.Nullable;

/**
 * A misbehaviour of the emulator's Runtime API, for testing how a runtime copes with it: inject
 * it with {@link LambdaEmulator#injectFault(RuntimeApiFault)}, remove every fault with
 * {@link LambdaEmulator#clearFaults()}.
 * <p>
 * A fault on {@code next} strikes the first event handed out after it is injected, even to a
 * call that was already waiting; a fault that replaces the delivery (a status, garbage, a closed
 * connection) leaves the event queued for a later call. A fault on the {@code response} and
 * {@code error} posts strikes the first such post, which the emulator then does not process: the
 * invocation stays running, as when Lambda refuses or loses an answer. A fault strikes once
 * unless {@link #times(int)} or {@link #always()} says otherwise; where several faults apply to
 * a call, the one injected first strikes it.
 * <p>
 * The JDK's HTTP server cannot write bytes that are not HTTP, so {@link #nextAnswersGarbage()}
 * sends a valid status line with framing headers that contradict each other
 * ({@code Transfer-Encoding: chunked} and a {@code Content-Length}) and a body that is no chunk:
 * a client that frames the body as HTTP requires, by its chunks, reads garbage.
 *
 * @since 0.1.0
 */
public final class RuntimeApiFault {

	private static final int ALWAYS = -1;

	private static final String TRACE_ID_PREFIX = "Root=1-5759e988-bd862e3fe1be46a994272793;"
			+ "Parent=53995c3f42cd8ad8;Sampled=1;Padding=";

	private static final byte[] GARBAGE = "\u00ff\u00fe%garbage, not an HTTP chunk%\u0000\r\n"
		.getBytes(StandardCharsets.ISO_8859_1);

	private enum Kind {

		STATUS, GARBAGE, CLOSE, DELAY, MISSING_REQUEST_ID, NON_NUMERIC_DEADLINE, LONG_TRACE_ID, REPEATED_REQUEST_ID

	}

	private final String description;

	private final Set<RuntimeApiOperation> operations;

	private final Kind kind;

	private final int status;

	private final Duration delay;

	private final int length;

	private final int times;

	private RuntimeApiFault(String description, Set<RuntimeApiOperation> operations, Kind kind, int status, Duration delay,
			int length, int times) {
		this.description = description;
		this.operations = operations;
		this.kind = kind;
		this.status = status;
		this.delay = delay;
		this.length = length;
		this.times = times;
	}

	private static RuntimeApiFault of(String description, Set<RuntimeApiOperation> operations, Kind kind) {
		return new RuntimeApiFault(description, operations, kind, 0, Duration.ZERO, 0, 1);
	}

	/**
	 * {@code next} answers with an error status instead of the event, which stays queued.
	 * @param status 400 to 599; Lambda uses 403 and 500
	 * @return the fault, striking once
	 */
	public static RuntimeApiFault nextAnswers(int status) {
		return new RuntimeApiFault("next answers " + errorStatus(status), EnumSet.of(RuntimeApiOperation.NEXT), Kind.STATUS,
				status, Duration.ZERO, 0, 1);
	}

	/**
	 * {@code next} answers with garbage instead of the event, which stays queued: a 200 whose
	 * framing headers contradict each other and whose body is no HTTP chunk.
	 * @return the fault, striking once
	 */
	public static RuntimeApiFault nextAnswersGarbage() {
		return of("next answers garbage", EnumSet.of(RuntimeApiOperation.NEXT), Kind.GARBAGE);
	}

	/**
	 * {@code next} closes the connection without an answer instead of handing out the event,
	 * which stays queued.
	 * @return the fault, striking once
	 */
	public static RuntimeApiFault nextClosesConnection() {
		return of("next closes the connection", EnumSet.of(RuntimeApiOperation.NEXT), Kind.CLOSE);
	}

	/**
	 * A {@code response} post is answered with an error status and not processed.
	 * @param status 400 to 599; Lambda uses 400, 403, 413 and 500
	 * @return the fault, striking once
	 */
	public static RuntimeApiFault responseAnswers(int status) {
		return new RuntimeApiFault("response answers " + errorStatus(status), EnumSet.of(RuntimeApiOperation.RESPONSE),
				Kind.STATUS, status, Duration.ZERO, 0, 1);
	}

	/**
	 * An {@code error} post is answered with an error status and not processed.
	 * @param status 400 to 599; Lambda uses 400, 403 and 500
	 * @return the fault, striking once
	 */
	public static RuntimeApiFault errorAnswers(int status) {
		return new RuntimeApiFault("error answers " + errorStatus(status), EnumSet.of(RuntimeApiOperation.ERROR), Kind.STATUS,
				status, Duration.ZERO, 0, 1);
	}

	/**
	 * A {@code response} or {@code error} post loses its connection without an answer and is not
	 * processed.
	 * @return the fault, striking once
	 */
	public static RuntimeApiFault answerClosesConnection() {
		return of("answer closes the connection", EnumSet.of(RuntimeApiOperation.RESPONSE, RuntimeApiOperation.ERROR), Kind.CLOSE);
	}

	/**
	 * Any {@code next}, {@code response} or {@code error} call is answered as usual, but only
	 * after a delay; for {@code next}, the delay starts once the event is handed out. Only the
	 * thread serving that call waits: the emulator serves every call on a thread of its own.
	 * @param delay a positive duration
	 * @return the fault, striking once
	 */
	public static RuntimeApiFault slowAnswers(Duration delay) {
		Durations.requirePositive(delay, "delay");
		return new RuntimeApiFault("answers after " + delay, EnumSet.of(RuntimeApiOperation.NEXT, RuntimeApiOperation.RESPONSE,
				RuntimeApiOperation.ERROR), Kind.DELAY, 0, delay, 0, 1);
	}

	/**
	 * {@code next} hands out the event without a {@code Lambda-Runtime-Aws-Request-Id} header.
	 * @return the fault, striking once
	 */
	public static RuntimeApiFault missingRequestId() {
		return of("next sends no request id", EnumSet.of(RuntimeApiOperation.NEXT), Kind.MISSING_REQUEST_ID);
	}

	/**
	 * {@code next} hands out the event with {@code Lambda-Runtime-Deadline-Ms: soon}.
	 * @return the fault, striking once
	 */
	public static RuntimeApiFault nonNumericDeadline() {
		return of("next sends a non-numeric deadline", EnumSet.of(RuntimeApiOperation.NEXT), Kind.NON_NUMERIC_DEADLINE);
	}

	/**
	 * {@code next} hands out the event with a {@code Lambda-Runtime-Trace-Id} of the given length:
	 * a well-formed X-Ray header padded with a long {@code Padding} field.
	 * @param length the length of the header value, at least 100 characters
	 * @return the fault, striking once
	 */
	public static RuntimeApiFault veryLongHeader(int length) {
		if (length < 100) {
			throw new IllegalArgumentException("A very long header has at least 100 characters, not " + length);
		}
		return new RuntimeApiFault("next sends a trace id of " + length + " characters", EnumSet.of(RuntimeApiOperation.NEXT),
				Kind.LONG_TRACE_ID, 0, Duration.ZERO, length, 1);
	}

	/**
	 * {@code next} hands out the event under the request id of the event handed out before it,
	 * so that the runtime's answer goes to that earlier invocation, which is refused if it has
	 * ended. Strikes no delivery until one has been made.
	 * @return the fault, striking once
	 */
	public static RuntimeApiFault repeatedRequestId() {
		return of("next repeats the previous request id", EnumSet.of(RuntimeApiOperation.NEXT), Kind.REPEATED_REQUEST_ID);
	}

	/**
	 * Returns this fault striking only the first call it applies to (the default).
	 * @return a copy of this fault
	 */
	public RuntimeApiFault once() {
		return times(1);
	}

	/**
	 * Returns this fault striking the first {@code times} calls it applies to.
	 * @param times at least 1
	 * @return a copy of this fault
	 */
	public RuntimeApiFault times(int times) {
		if (times < 1) {
			throw new IllegalArgumentException("A fault strikes at least once, not " + times + " times");
		}
		return new RuntimeApiFault(this.description, this.operations, this.kind, this.status, this.delay,
				this.length, times);
	}

	/**
	 * Returns this fault striking every call it applies to, until the faults are cleared.
	 * @return a copy of this fault
	 */
	public RuntimeApiFault always() {
		return new RuntimeApiFault(this.description, this.operations, this.kind, this.status, this.delay,
				this.length, ALWAYS);
	}

	@Override
	public String toString() {
		return this.description + ((this.times == ALWAYS) ? ", always" : ", " + this.times + " time(s)");
	}

	/** How many calls it strikes, or a negative number for all of them. */
	int strikes() {
		return this.times;
	}

	boolean appliesTo(RuntimeApiOperation operation, @Nullable String previousRequestId) {
		return this.operations.contains(operation)
				&& (this.kind != Kind.REPEATED_REQUEST_ID || previousRequestId != null);
	}

	/**
	 * Answers a call in this fault's way: the one place where a fault takes effect.
	 * @param answer the endpoint's answer, computed on demand: a {@code next} delivery, or the
	 * processing of a posted answer, which a fault that refuses the post never asks for
	 * @param discard gives back what the answer took, when it is not sent (the event, to its
	 * queue)
	 * @param previousRequestId the request id of the last event handed out
	 * @return the answer to send, or empty to close the connection without one
	 */
	Optional<RuntimeApiResponse> strike(Supplier<Optional<RuntimeApiResponse>> answer, Runnable discard,
			@Nullable String previousRequestId) {
		return switch (this.kind) {
			case STATUS -> replace(discard, RuntimeApiResponse.error(this.status, "InjectedFault",
					"The Lambda emulator answers " + this.status + " because a test injected this fault"));
			case GARBAGE -> replace(discard, new RuntimeApiResponse(200, Map.of("Transfer-Encoding", "chunked"),
					GARBAGE, RuntimeApiResponse.NOTHING, RuntimeApiResponse.NOTHING));
			case CLOSE -> {
				discard.run();
				yield Optional.empty();
			}
			case DELAY -> delayed(answer, discard);
			case MISSING_REQUEST_ID -> answer.get().map((delivery) -> delivery.withHeader(RuntimeApiProtocol.REQUEST_ID,
					null));
			case NON_NUMERIC_DEADLINE -> answer.get()
				.map((delivery) -> delivery.withHeader(RuntimeApiProtocol.DEADLINE_MS, "soon"));
			case LONG_TRACE_ID -> answer.get().map((delivery) -> delivery.withHeader(RuntimeApiProtocol.TRACE_ID,
					TRACE_ID_PREFIX + "x".repeat(Math.max(0, this.length - TRACE_ID_PREFIX.length()))));
			case REPEATED_REQUEST_ID -> answer.get()
				.map((delivery) -> delivery.withHeader(RuntimeApiProtocol.REQUEST_ID, previousRequestId));
		};
	}

	private static Optional<RuntimeApiResponse> replace(Runnable discard, RuntimeApiResponse replacement) {
		discard.run();
		return Optional.of(replacement);
	}

	private Optional<RuntimeApiResponse> delayed(Supplier<Optional<RuntimeApiResponse>> answer, Runnable discard) {
		try {
			TimeUnit.NANOSECONDS.sleep(this.delay.toNanos());
			return answer.get();
		}
		catch (InterruptedException ex) {
			// The emulator is closing
			Thread.currentThread().interrupt();
			discard.run();
			return Optional.empty();
		}
	}

	private static int errorStatus(int status) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("A faulty answer has an error status, 400 to 599, not " + status);
		}
		return status;
	}

}
