package dev.lambdaruntime.emulator.runtimeapi;

import java.io.IOException;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.InitError;
import dev.lambdaruntime.emulator.RecordedExchange;
import dev.lambdaruntime.emulator.extensionsapi.ExtensionRegistry;
import dev.lambdaruntime.emulator.http.ExchangeHandler;
import dev.lambdaruntime.emulator.http.RequestBody;
import dev.lambdaruntime.emulator.http.ResponseWriter;
import dev.lambdaruntime.emulator.invocation.EventLog;
import dev.lambdaruntime.emulator.invocation.ExecutionEnvironment;
import dev.lambdaruntime.emulator.invocation.InvocationQueue;
import dev.lambdaruntime.emulator.invocation.InvocationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every Runtime API request: reads it, routes it to its endpoint, records the exchange and
 * writes the answer, through any fault a test injected; a request left without an answer (the
 * emulator closed, the runtime that waited is gone, or a fault) loses its connection.
 */
public final class RuntimeApiHandler implements ExchangeHandler.Action {

	private static final Logger logger = LoggerFactory.getLogger(RuntimeApiHandler.class);

	private final NextInvocationEndpoint next;

	private final InvocationAnswerEndpoint answers;

	private final InitErrorEndpoint initErrors;

	private final EventLog<RecordedExchange> exchanges;

	private final AnswerInterceptor faults;

	/**
	 * Creates the Runtime API over the emulator's invocations.
	 * @param queue the invocations waiting for the runtime's {@code next}
	 * @param invocations the unfinished invocations, which the runtime's answers end
	 * @param environment the runtime's phase, which init errors and {@code next} calls move on
	 * @param initErrors where reported init errors are kept
	 * @param exchanges where every answered request is recorded
	 * @param faults what injected faults strike through
	 * @param extensions the extensions told of each invocation that starts
	 */
	public RuntimeApiHandler(InvocationQueue queue, InvocationRegistry invocations, ExecutionEnvironment environment,
			EventLog<InitError> initErrors, EventLog<RecordedExchange> exchanges,
			AnswerInterceptor faults, ExtensionRegistry extensions) {
		this.next = new NextInvocationEndpoint(queue, environment, extensions);
		this.answers = new InvocationAnswerEndpoint(invocations);
		this.initErrors = new InitErrorEndpoint(initErrors, environment);
		this.exchanges = exchanges;
		this.faults = faults;
	}

	/**
	 * Returns how many responses and errors were refused: duplicates, late ones, or for unknown
	 * request ids.
	 * @return the count so far
	 */
	public long refusedAnswers() {
		return this.answers.refused();
	}

	@Override
	public void serve(HttpExchange exchange) throws IOException {
		RuntimeApiRequest request = RuntimeApiRequest.read(exchange);
		Optional<RuntimeApiResponse> response = this.faults.answer(request.route().operation(),
				() -> answer(request));
		if (response.isPresent()) {
			send(exchange, request, response.get());
		}
	}

	private Optional<RuntimeApiResponse> answer(RuntimeApiRequest request) {
		RuntimeApiOperation operation = request.route().operation();
		if (operation != RuntimeApiOperation.NOT_FOUND && operation != RuntimeApiOperation.RESPONSE
				&& request.body().tooLarge()) {
			return Optional.of(RuntimeApiResponse.error(413, "RequestEntityTooLarge", "The request body of "
					+ request.body().length() + " bytes exceeds the limit of " + RequestBody.MAX_LENGTH + " bytes"));
		}
		return switch (operation) {
			case NEXT -> this.next.next();
			case RESPONSE -> Optional.of((request.streamed() != null) ? this.answers.streamedResponse(request)
					: this.answers.response(request));
			case ERROR -> Optional.of(this.answers.error(request));
			case INIT_ERROR -> Optional.of(this.initErrors.initError(request));
			case NOT_FOUND -> Optional.of(notFound(request));
		};
	}

	private static RuntimeApiResponse notFound(RuntimeApiRequest request) {
		String allowed = request.route().allowedMethod();
		if (allowed != null) {
			return RuntimeApiResponse.error(405, "MethodNotAllowed", request.route().path() + " takes " + allowed
					+ ", not " + request.method()).withHeader("Allow", allowed);
		}
		return RuntimeApiResponse.error(404, "NotFound",
				"No Runtime API operation is " + request.method() + " " + request.route().path());
	}

	private void send(HttpExchange exchange, RuntimeApiRequest request, RuntimeApiResponse response)
			throws IOException {
		int bodyLength = (int) Math.min(request.bodyLength(), Integer.MAX_VALUE);
		this.exchanges.add(new RecordedExchange(request.method(), request.route().path(), request.headers(),
				bodyLength, response.status()));
		response.onRecorded().run();
		logger.debug("{} {} ({} bytes) -> {} ({} bytes)", request.method(), request.route().path(), bodyLength,
				response.status(), response.body().length);
		try {
			ResponseWriter.write(exchange, response.status(), response.headers(), response.body());
		}
		catch (IOException ex) {
			response.onUndelivered().run();
			throw ex;
		}
	}

}
