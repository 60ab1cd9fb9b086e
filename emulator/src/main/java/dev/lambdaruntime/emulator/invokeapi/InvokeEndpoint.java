package dev.lambdaruntime.emulator.invokeapi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.http.ExchangeHandler;
import dev.lambdaruntime.emulator.http.RequestBody;
import dev.lambdaruntime.emulator.http.ResponseWriter;
import dev.lambdaruntime.emulator.invocation.EmulatedInvocation;
import dev.lambdaruntime.emulator.invocation.InvocationIntake;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Lambda Invoke API, as the Runtime Interface Emulator and the AWS SDKs with an
 * endpoint override use it: queues the event and answers with the function's payload, or at once
 * for {@code Event} and {@code DryRun} invocations.
 * <p>
 * A response the runtime streams is passed on as it arrives: the answer is a chunked 200 with
 * the runtime's content type, each piece written and flushed as soon as the runtime sends it,
 * ending when the invocation ends. Its headers go out before the function has finished, so a
 * streamed answer never carries {@code X-Amz-Function-Error}: a function that fails midway, or
 * times out, just ends the stream early (the Java API's result tells what happened). The bytes
 * go on as they are, so a Function URL's HTTP-integration response keeps its JSON prelude and
 * the 8 NUL bytes after it; Lambda's {@code InvokeWithResponseStream} event-stream framing is
 * not emulated.
 * <p>
 * With {@code X-Amz-Log-Type: Tail}, a buffered answer carries {@code X-Amz-Log-Result}: the
 * base64 of the last 4 KB of the invocation's log, as Lambda's does.
 */
public final class InvokeEndpoint implements ExchangeHandler.Action {

	/**
	 * How many synchronous invocations may wait for their answers at once, each holding a request
	 * thread: as many as Lambda's default account concurrency.
	 */
	public static final int MAX_WAITING_INVOKERS = 1000;

	private static final Logger logger = LoggerFactory.getLogger(InvokeEndpoint.class);

	private final InvocationIntake intake;

	private final String defaultFunctionArn;

	private final InvokeAdmission admission = new InvokeAdmission();

	public InvokeEndpoint(InvocationIntake intake, String defaultFunctionArn) {
		this.intake = intake;
		this.defaultFunctionArn = defaultFunctionArn;
	}

	@Override
	public void serve(HttpExchange exchange) throws IOException {
		InvokeApiResponse response;
		try {
			response = answer(exchange);
		}
		catch (InvokeApiException ex) {
			response = ex.response();
		}
		if (response == null) {
			return;
		}
		logger.debug("{} {} -> {} ({} bytes)", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				response.status(), response.body().length);
		ResponseWriter.write(exchange, response.status(), response.headers(), response.body());
	}

	/** The answer to write, or {@code null} when a streamed answer was written already. */
	private @Nullable InvokeApiResponse answer(HttpExchange exchange) throws IOException {
		InvokeAdmission.Permit waiting;
		InvocationRequest invocation;
		boolean logTail;
		ResponseRelay relay = new ResponseRelay();
		CompletableFuture<InvocationResult> result;
		// once at once, so that a full queue refuses without waiting for a turn, and once in the
		// turn, since the events read meanwhile may have filled it
		refuseBeforeReading(exchange);
		try (InvokeAdmission.Permit reading = this.admission.read()) {
			refuseBeforeReading(exchange);
			InvokeApiRequest request = InvokeApiRequest.read(exchange);
			if (request.invocationType() == InvocationType.DRY_RUN) {
				return InvokeApiResponse.dryRun();
			}
			invocation = request.toInvocationRequest(this.defaultFunctionArn);
			logTail = request.logTail();
			if (request.invocationType() == InvocationType.EVENT) {
				queue(request, invocation, EmulatedInvocation.ResponseListener.NONE);
				return InvokeApiResponse.queued(invocation.requestId());
			}
			waiting = this.admission.awaitAnswer();
			try {
				result = queue(request, invocation, relay);
			}
			catch (RuntimeException ex) {
				waiting.close();
				throw ex;
			}
		}
		try (waiting) {
			return awaitAnswer(exchange, invocation, relay, result, logTail);
		}
	}

	private @Nullable InvokeApiResponse awaitAnswer(HttpExchange exchange, InvocationRequest invocation,
			ResponseRelay relay, CompletableFuture<InvocationResult> result, boolean logTail) throws IOException {
		relay.endWith(result);
		try {
			if (relay.next() instanceof ResponseRelay.Started started) {
				stream(exchange, invocation.requestId(), started, relay);
				return null;
			}
			InvokeApiResponse completed = InvokeApiResponse.completed(result.get());
			return logTail ? completed.withLogTail(this.intake.report(invocation.requestId())) : completed;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InvokeApiException(500, "ServiceException", "The Lambda emulator is stopping");
		}
		catch (ExecutionException ex) {
			throw new InvokeApiException(500, "ServiceException", "The invocation did not end: " + ex.getCause());
		}
	}

	/**
	 * Refuses, before a byte of its event is read, an invocation that Lambda would refuse for its
	 * declared length or that the queue has no room for, so that only events that will be queued
	 * take memory. A refused event is read and dropped after the answer (see
	 * {@link ResponseWriter}).
	 */
	private void refuseBeforeReading(HttpExchange exchange) {
		if (InvocationType.of(exchange.getRequestHeaders().getFirst(InvocationType.HEADER)) == InvocationType.DRY_RUN) {
			return;
		}
		// the server has checked the value: a request with a malformed length never gets here
		String declared = exchange.getRequestHeaders().getFirst("Content-Length");
		long length = (declared != null) ? Long.parseLong(declared.trim()) : 0;
		if (length > RequestBody.MAX_LENGTH) {
			throw InvokeApiException.tooLarge();
		}
		try {
			this.intake.requireRoomFor(length);
		}
		catch (RejectedExecutionException ex) {
			throw InvokeApiException.throttled(ex);
		}
	}

	/** Queues an invocation, answering 429 as Lambda does when it throttles if the queue is full. */
	private CompletableFuture<InvocationResult> queue(InvokeApiRequest request, InvocationRequest invocation,
			EmulatedInvocation.ResponseListener listener) {
		CompletableFuture<InvocationResult> result;
		try {
			result = this.intake.invoke(invocation, request.functionName(), listener);
		}
		catch (RejectedExecutionException ex) {
			throw InvokeApiException.throttled(ex);
		}
		logger.debug("Queued invocation {} ({} bytes)", invocation.requestId(), request.payload().length);
		return result;
	}

	private void stream(HttpExchange exchange, String requestId, ResponseRelay.Started started, ResponseRelay relay)
			throws IOException {
		InvokeApiResponse.streamedHeaders(requestId, started.headers().get("content-type"))
			.forEach(exchange.getResponseHeaders()::set);
		exchange.sendResponseHeaders(200, 0);
		long length = 0;
		try (OutputStream out = exchange.getResponseBody()) {
			out.flush();
			for (ResponseRelay.Item item = relay.next(); item instanceof ResponseRelay.Chunk chunk; item = relay
				.next()) {
				out.write(chunk.bytes());
				out.flush();
				length += chunk.bytes().length;
			}
		}
		catch (InterruptedException ex) {
			// the emulator is stopping: the stream ends where it is
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			relay.abandon();
			throw ex;
		}
		logger.debug("{} {} -> 200 (streamed {} bytes)", exchange.getRequestMethod(),
				exchange.getRequestURI().getRawPath(), length);
	}

}
