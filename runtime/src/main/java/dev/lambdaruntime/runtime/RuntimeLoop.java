package dev.lambdaruntime.runtime;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop: waits for the next invocation, hands it to the handler and answers it exactly
 * once, with its response or its error, until it is stopped or the Runtime API fails it.
 *
 * @since 0.1.0
 */
public final class RuntimeLoop {

	/** Exit status when the loop was stopped. */
	public static final int STOPPED = 0;

	/** Exit status when the Runtime API failed or the JVM ran out of memory. */
	public static final int FAILED = 1;

	private static final Logger logger = LoggerFactory.getLogger(RuntimeLoop.class);

	private final RuntimeApiClient client;

	private final InvocationHandler handler;

	private final LambdaEnvironment environment;

	private final InvocationMode mode;

	private final boolean stackTraces;

	private final Backoff backoff = new Backoff();

	private volatile boolean stopping;

	/** A loop serving invocations from {@code client} with {@code handler}, in the given mode. */
	public RuntimeLoop(RuntimeApiClient client, InvocationHandler handler, LambdaEnvironment environment,
			InvocationMode mode) {
		this(client, handler, environment, mode, true);
	}

	/**
	 * A loop serving invocations from {@code client} with {@code handler}, in the given mode;
	 * {@code stackTraces} says whether error reports carry the failure's stack traces.
	 */
	public RuntimeLoop(RuntimeApiClient client, InvocationHandler handler, LambdaEnvironment environment,
			InvocationMode mode, boolean stackTraces) {
		this.client = client;
		this.handler = handler;
		this.environment = environment;
		this.mode = mode;
		this.stackTraces = stackTraces;
	}

	/** Serves invocations until stopped ({@link #STOPPED}) or failed ({@link #FAILED}). */
	public int run() {
		try {
			while (!this.stopping) {
				OutOfMemoryError functionOutOfMemory = (this.mode == InvocationMode.CONCURRENT) ? serveOrBackOff()
						: serveOnce();
				if (functionOutOfMemory != null) {
					logger.error("Lambda runtime exits: the function ran out of memory");
					return FAILED;
				}
			}
			return STOPPED;
		}
		catch (IOException ex) {
			if (this.stopping) {
				return STOPPED;
			}
			logger.error("Lambda runtime exits: {}", ex.getMessage());
			return FAILED;
		}
		catch (OutOfMemoryError ex) {
			logger.error("Lambda runtime exits: out of memory while exchanging with the Runtime API");
			return FAILED;
		}
		finally {
			this.client.close();
		}
	}

	private @Nullable OutOfMemoryError serveOrBackOff() throws IOException {
		try {
			OutOfMemoryError functionOutOfMemory = serveOnce();
			this.backoff.reset();
			return functionOutOfMemory;
		}
		catch (IOException ex) {
			if (this.stopping) {
				throw ex;
			}
			long delay = this.backoff.next();
			logger.warn("The Runtime API failed ({}); polling again in {} ms", ex.getMessage(), delay);
			this.backoff.await(delay);
			return null;
		}
	}

	/**
	 * Serves exactly one invocation: next, handle, then response or error. An
	 * {@link IOException} means the Runtime API failed and the loop must end; an
	 * {@link OutOfMemoryError} of the function is reported first, then rethrown, and one while
	 * exchanging with the Runtime API is thrown as it is.
	 */
	public void invokeOnce() throws IOException {
		OutOfMemoryError functionOutOfMemory = serveOnce();
		if (functionOutOfMemory != null) {
			throw functionOutOfMemory;
		}
	}

	/**
	 * Serves one invocation and returns the function's {@link OutOfMemoryError}, reported
	 * already, for the caller to end on. Anything thrown comes from the exchanges with the
	 * Runtime API, never from the function.
	 */
	private @Nullable OutOfMemoryError serveOnce() throws IOException {
		Invocation invocation = this.client.next();
		InvocationContext context = new InvocationContext(invocation, this.environment);
		InvocationResponse response = null;
		ChunkedRequestBody stream = null;
		Throwable failure = null;
		LambdaError error = null;
		try (CurrentInvocation bound = CurrentInvocation.bind(context, this.mode == InvocationMode.SINGLE)) {
			try {
				response = this.handler.handle(invocation, context);
				if (response instanceof InvocationResponse.Streamed streamed) {
					stream = this.client.openStreamedResponse(invocation.requestId(), streamed.contentType());
					streamed.writer().writeTo(stream);
				}
				else if (response == null) {
					throw new InvalidResultException("The handler returned no response", null);
				}
			}
			catch (Throwable ex) {
				IOException broken = (stream != null) ? stream.broken() : null;
				if (broken != null) {
					// the Runtime API failed under the stream: not the function's failure
					throw broken;
				}
				if (stream != null && !stream.started()) {
					stream = null; // nothing on the wire yet: reported as any failure
				}
				failure = ex;
				error = failed(invocation, ex);
			}
		}
		if (stream != null) {
			// a failure after the first byte goes in the stream's trailers
			finishStream(invocation, stream, error);
		}
		else if (error != null) {
			postError(invocation, error);
		}
		else if (response instanceof InvocationResponse.Buffered buffered) {
			respond(invocation, buffered.body());
		}
		return (failure instanceof OutOfMemoryError functionOutOfMemory) ? functionOutOfMemory : null;
	}

	private void finishStream(Invocation invocation, ChunkedRequestBody stream, @Nullable LambdaError error)
			throws IOException {
		try {
			this.client.finishStreamedResponse(stream, error);
		}
		catch (RuntimeApiException ex) {
			refused(invocation, ex);
		}
	}

	private void respond(Invocation invocation, byte[] response) throws IOException {
		try {
			this.client.postResponse(invocation.requestId(), response);
		}
		catch (RuntimeApiException ex) {
			if (ex.getStatus() == 413) {
				// Lambda itself ends the invocation with Function.ResponseSizeTooLarge and refuses a
				// later error post for it, so there is nothing more to send.
				logger.warn("Invocation {} failed ({}): the response of {} bytes exceeds the Runtime API's limit",
						invocation.requestId(), LambdaError.RESPONSE_TOO_LARGE, response.length);
			}
			else {
				refused(invocation, ex);
			}
		}
	}

	/** Describes and logs a failed invocation; the caller is in the invocation's scope. */
	private LambdaError failed(Invocation invocation, Throwable failure) {
		LambdaError error = LambdaError.of(category(failure), failure);
		try {
			logger.warn("Invocation {} failed ({}): {}: {}", invocation.requestId(), error.category(),
					error.errorType(), error.errorMessage(), (failure instanceof InvalidEventException) ? null : failure);
		}
		catch (RuntimeException ex) {
			logger.warn("Invocation {} failed ({}): {}", invocation.requestId(), error.category(), error.errorType());
		}
		return this.stackTraces ? error : error.withoutStackTraces();
	}

	private static String category(Throwable failure) {
		if (failure instanceof InvalidEventException) {
			return LambdaError.UNMARSHAL_ERROR;
		}
		if (failure instanceof InvalidResultException) {
			return LambdaError.MARSHAL_ERROR;
		}
		return LambdaError.USER_EXCEPTION;
	}

	private void postError(Invocation invocation, LambdaError error) throws IOException {
		try {
			this.client.postError(invocation.requestId(), error);
		}
		catch (RuntimeApiException ex) {
			refused(invocation, ex);
		}
	}

	private static void refused(Invocation invocation, RuntimeApiException ex) throws RuntimeApiException {
		if (ex.getStatus() >= 500) {
			throw ex;
		}
		logger.warn("The Runtime API refused the answer to invocation {}: {}", invocation.requestId(), ex.getMessage());
	}

	/**
	 * Asks the loop to stop: at once when it waits for the next invocation, after the current
	 * answer otherwise. Safe to call from any thread.
	 */
	public void stop() {
		this.stopping = true;
		this.backoff.cancel();
		this.client.interrupt();
	}

	/** Closes the connection even in the middle of an invocation, for a stop that cannot wait. */
	public void abort() {
		this.stopping = true;
		this.backoff.cancel();
		this.client.close();
	}

}
