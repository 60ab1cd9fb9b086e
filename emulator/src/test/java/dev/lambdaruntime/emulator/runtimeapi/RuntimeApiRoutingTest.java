package dev.lambdaruntime.emulator.runtimeapi;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RecordedExchange;
import dev.lambdaruntime.emulator.RuntimeClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@Timeout(30)
class RuntimeApiRoutingTest {

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	private final RuntimeClient runtime = new RuntimeClient(this.emulator);

	@Test
	void pathPrefixBeforeTheBasePathIsTolerated() throws Exception {
		RuntimeClient prefixed = new RuntimeClient(this.emulator, "/MyFunction");
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(prefixed.awaitNext());

		assertThat(prefixed.respond(requestId, "\"done\"").statusCode()).isEqualTo(202);

		assertThat(result).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((invocation) -> assertThat(invocation.payloadAsString()).isEqualTo("\"done\""));
		assertThat(this.emulator.exchanges()).extracting(RecordedExchange::path)
			.containsExactly("/2018-06-01/runtime/invocation/next",
					"/2018-06-01/runtime/invocation/" + requestId + "/response");
	}

	@Test
	void initErrorIsRecorded() throws Exception {
		String body = "{\"errorMessage\":\"no handler\",\"errorType\":\"java.lang.ClassNotFoundException\"}";

		HttpResponse<String> answer = this.runtime.initError("Runtime.BadFunctionCode", body);

		assertThat(answer.statusCode()).isEqualTo(202);
		assertThat(answer.body()).isEqualTo("{\"status\":\"OK\"}");
		assertThat(this.emulator.initErrors()).singleElement().satisfies((initError) -> {
			assertThat(initError.errorType()).isEqualTo("Runtime.BadFunctionCode");
			assertThat(initError.payloadAsString()).isEqualTo(body);
			assertThat(initError.headers()).containsEntry("lambda-runtime-function-error-type",
					"Runtime.BadFunctionCode");
		});
	}

	@Test
	void unknownPathIsNotFound() throws Exception {
		HttpResponse<String> answer = this.runtime.send(this.runtime.request("/runtime/invocation/next/extra"));

		assertThat(answer.statusCode()).isEqualTo(404);
	}

	@Test
	void knownPathWithTheWrongMethodIsNotAllowed() throws Exception {
		HttpResponse<String> answer = this.runtime
			.send(this.runtime.request("/runtime/invocation/next").POST(BodyPublishers.ofString("{}")));

		assertThat(answer.statusCode()).isEqualTo(405);
		assertThat(answer.headers().firstValue("Allow")).hasValue("GET");
	}

	@Test
	void everyRequestIsRecordedInOrderWithItsStatus() throws Exception {
		this.emulator.invoke("{\"a\":1}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		this.runtime.respond(requestId, "\"ok\"");
		this.runtime.respond(requestId, "\"again\"");
		this.runtime.send(this.runtime.request("/nowhere"));

		assertThat(this.emulator.exchanges())
			.extracting(RecordedExchange::method, RecordedExchange::path, RecordedExchange::bodyLength,
					RecordedExchange::status)
			.containsExactly(tuple("GET", "/2018-06-01/runtime/invocation/next", 0, 200),
					tuple("POST", "/2018-06-01/runtime/invocation/" + requestId + "/response", 4, 202),
					tuple("POST", "/2018-06-01/runtime/invocation/" + requestId + "/response", 7, 403),
					tuple("GET", "/2018-06-01/nowhere", 0, 404));
		assertThat(this.emulator.exchanges().get(1).headers()).containsEntry("content-length", "4")
			.containsKey("host");
	}

}
