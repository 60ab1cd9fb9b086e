package dev.lambdaruntime.emulator;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Invoke API answers as Lambda does. Each rule names its source: a page of the Lambda API
 * reference ("Invoke") or a file of the Runtime Interface Emulator
 * (github.com/aws/aws-lambda-runtime-interface-emulator, "RIE").
 */
@Timeout(30)
class InvokeApiConformanceTest {

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.builder().logOutput((line) -> {
	}).build();

	private final RuntimeClient runtime = new RuntimeClient(this.emulator);

	private final InvokeClient invoker = new InvokeClient(this.emulator);

	/** Lambda API reference, Invoke, Errors: InvalidRequestContentException (400). */
	@Test
	void eventThatIsNotJsonIsRefused() throws Exception {
		HttpResponse<String> answer = this.invoker.send(this.invoker.request("function", "not json"));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("X-Amzn-ErrorType")).hasValue("InvalidRequestContentException");
		assertThat(RuntimeClient.jsonField(answer.body(), "message")).startsWith("Could not parse request body into json");
		assertThat(this.invoker.history()).isEmpty();
	}

	/** Lambda API reference, Invoke: the payload is optional. */
	@Test
	void emptyEventIsInvoked() throws Exception {
		CompletableFuture<HttpResponse<String>> answer = this.invoker.invokeAsync("");
		HttpResponse<byte[]> next = this.runtime.awaitNext();
		this.runtime.respond(RuntimeClient.requestId(next), "\"done\"");

		assertThat(next.body()).isEmpty();
		assertThat(answer).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((invoked) -> assertThat(invoked.body()).isEqualTo("\"done\""));
	}

	/** Lambda API reference, Invoke: LogType Tail returns the last 4 KB of the log, base64. */
	@Test
	void logTailCarriesTheInvocationsLog() throws Exception {
		CompletableFuture<HttpResponse<String>> answer = this.invoker
			.invokeAsync(this.invoker.request("function", "{}").header("X-Amz-Log-Type", "Tail"));
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		this.runtime.respond(requestId, "{}");

		assertThat(answer).succeedsWithin(RuntimeClient.WAIT).satisfies((invoked) -> {
			String log = new String(Base64.getDecoder()
				.decode(invoked.headers().firstValue("X-Amz-Log-Result").orElseThrow()), StandardCharsets.UTF_8);
			assertThat(log).startsWith("START RequestId: " + requestId + " Version: $LATEST\n")
				.contains("END RequestId: " + requestId + "\n")
				.contains("REPORT RequestId: " + requestId + "\tDuration: ");
		});
	}

	/** Lambda API reference, Invoke: without LogType Tail, no log comes back. */
	@Test
	void noLogTailUnlessAskedFor() throws Exception {
		CompletableFuture<HttpResponse<String>> answer = this.invoker.invokeAsync("{}");
		this.runtime.respond(RuntimeClient.requestId(this.runtime.awaitNext()), "{}");

		assertThat(answer).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((invoked) -> assertThat(invoked.headers().firstValue("X-Amz-Log-Result")).isEmpty());
	}

	/** RIE {@code rie/handlers.go}: an over-limit response reaches the invoker as a function error. */
	@Test
	void responseOverTheLimitReachesTheInvokerAsResponseSizeTooLarge() throws Exception {
		CompletableFuture<HttpResponse<String>> answer = this.invoker.invokeAsync("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		this.runtime.respond(requestId,
				BodyPublishers.ofByteArray(new byte[6 * 1024 * 1024 + 101]));

		assertThat(answer).succeedsWithin(RuntimeClient.WAIT).satisfies((invoked) -> {
			assertThat(invoked.statusCode()).isEqualTo(200);
			assertThat(invoked.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
			assertThat(RuntimeClient.jsonField(invoked.body(), "errorType")).isEqualTo("Function.ResponseSizeTooLarge");
		});
	}

	/** The history carries each invocation's REPORT figures and log, as the page shows them. */
	@Test
	void historyCarriesTheReportAndTheLog() throws Exception {
		CompletableFuture<HttpResponse<String>> answer = this.invoker.invokeAsync("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		this.runtime.respond(requestId, "{}");
		assertThat(answer).succeedsWithin(RuntimeClient.WAIT);

		JsonNode report = this.invoker.history().get(0).get("report");
		assertThat(report.get("requestId").asString()).isEqualTo(requestId);
		assertThat(report.get("memorySizeMb").asInt()).isEqualTo(512);
		assertThat(report.get("maxMemoryUsedMb").asLong()).isPositive();
		assertThat(report.get("billedDurationMs").asLong()).isGreaterThanOrEqualTo(report.get("durationMs").asLong());
		assertThat(report.get("log").asString()).startsWith("START RequestId: " + requestId);
	}

}
