package dev.lambdaruntime.test;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Lambda Invoke API, as the Runtime Interface Emulator and the AWS SDKs with an
 * endpoint override use it: queues the event and answers with the function's payload, or at once
 * for {@code Event} and {@code DryRun} invocations.
 */
final class InvokeEndpoint implements ExchangeHandler.Action {

	private static final Logger logger = LoggerFactory.getLogger(InvokeEndpoint.class);

	private final InvocationIntake intake;

	private final String defaultFunctionArn;

	InvokeEndpoint(InvocationIntake intake, String defaultFunctionArn) {
		this.intake = intake;
		this.defaultFunctionArn = defaultFunctionArn;
	}

	@Override
	public void serve(HttpExchange exchange) throws IOException {
		InvokeApiResponse response;
		try {
			response = answer(InvokeApiRequest.read(exchange));
		}
		catch (InvokeApiException ex) {
			response = ex.response();
		}
		logger.debug("{} {} -> {} ({} bytes)", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				response.status(), response.body().length);
		ResponseWriter.write(exchange, response.status(), response.headers(), response.body());
	}

	private InvokeApiResponse answer(InvokeApiRequest request) {
		if (request.invocationType() == InvocationType.DRY_RUN) {
			return InvokeApiResponse.dryRun();
		}
		InvocationRequest invocation = request.toInvocationRequest(this.defaultFunctionArn);
		CompletableFuture<InvocationResult> result = this.intake.invoke(invocation, request.functionName());
		logger.debug("Queued invocation {} ({} bytes)", invocation.requestId(), request.payload().length);
		if (request.invocationType() == InvocationType.EVENT) {
			return InvokeApiResponse.queued(invocation.requestId());
		}
		try {
			return InvokeApiResponse.completed(result.get());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InvokeApiException(500, "ServiceException", "The Lambda emulator is stopping");
		}
		catch (ExecutionException ex) {
			throw new InvokeApiException(500, "ServiceException", "The invocation did not end: " + ex.getCause());
		}
	}

}
