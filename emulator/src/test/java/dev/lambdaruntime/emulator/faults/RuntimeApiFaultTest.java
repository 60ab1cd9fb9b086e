package dev.lambdaruntime.emulator.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RecordedExchange;
import dev.lambdaruntime.emulator.RuntimeClient;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the faults a test can inject into the emulator's Runtime API: what each puts on the
 * wire, and what becomes of the event or the answer it strikes.
 */
@Timeout(30)
class RuntimeApiFaultTest {

	private static final String NEXT_PATH = "/2018-06-01/runtime/invocation/next";

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.builder().maxConcurrency(2).build();

	private final RuntimeClient runtime = new RuntimeClient(this.emulator);

	@Test
	void nextAnswersTheInjectedStatusAndKeepsTheEventQueued() throws Exception {
		this.emulator.injectFault(RuntimeApiFault.nextAnswers(500));
		this.emulator.invoke("{\"n\":1}");

		HttpResponse<byte[]> refused = this.runtime.awaitNext();

		assertThat(refused.statusCode()).isEqualTo(500);
		assertThat(RuntimeClient.jsonField(new String(refused.body(), StandardCharsets.UTF_8), "errorType"))
			.isEqualTo("InjectedFault");
		assertThat(this.emulator.exchanges()).singleElement().satisfies((exchange) -> {
			assertThat(exchange.path()).isEqualTo(NEXT_PATH);
			assertThat(exchange.status()).isEqualTo(500);
		});
		assertThat(new String(this.runtime.awaitNext().body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
	}

	@Test
	void nextAnswersGarbageWithContradictoryFramingAndKeepsTheEventQueued() throws Exception {
		this.emulator.injectFault(RuntimeApiFault.nextAnswersGarbage());
		this.emulator.invoke("{}");

		String answer = new String(rawCall("GET " + NEXT_PATH), StandardCharsets.ISO_8859_1);

		String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
		String body = answer.substring(head.length() + 4);
		assertThat(head).startsWith("HTTP/1.1 200 ")
			.containsIgnoringCase("\r\nTransfer-Encoding: chunked")
			.containsIgnoringCase("\r\nContent-Length: " + body.length());
		assertThat(body.substring(0, body.indexOf("\r\n"))).doesNotMatch("[0-9a-fA-F]+(;.*)?");
		assertThat(this.runtime.awaitNext().statusCode()).isEqualTo(200);
	}

	@Test
	void nextClosesTheConnectionWithoutAnAnswerAndKeepsTheEventQueued() throws Exception {
		this.emulator.injectFault(RuntimeApiFault.nextClosesConnection());
		this.emulator.invoke("{}");

		assertThat(rawCall("GET " + NEXT_PATH)).isEmpty();

		assertThat(this.runtime.awaitNext().statusCode()).isEqualTo(200);
		assertThat(this.emulator.exchanges()).singleElement().extracting(RecordedExchange::status).isEqualTo(200);
	}

	@Test
	void aFaultOnNextStrikesACallThatWasAlreadyWaiting() {
		CompletableFuture<HttpResponse<byte[]>> waiting = this.runtime.next();
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());

		this.emulator.injectFault(RuntimeApiFault.nextAnswers(403));
		this.emulator.invoke("{}");

		assertThat(waiting).succeedsWithin(RuntimeClient.WAIT).extracting(HttpResponse::statusCode).isEqualTo(403);
	}

	@Test
	void aResponseFaultAnswersItsStatusAndLeavesTheInvocationRunning() throws Exception {
		this.emulator.injectFault(RuntimeApiFault.responseAnswers(413));
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());

		assertThat(this.runtime.respond(requestId, "\"first\"").statusCode()).isEqualTo(413);
		assertThat(result).isNotDone();
		assertThat(this.runtime.respond(requestId, "\"second\"").statusCode()).isEqualTo(202);

		assertThat(result).succeedsWithin(RuntimeClient.WAIT)
			.extracting(InvocationResult::payloadAsString)
			.isEqualTo("\"second\"");
		assertThat(this.emulator.refusedAnswers()).isZero();
	}

	@Test
	void anErrorFaultLeavesResponsesAlone() throws Exception {
		this.emulator.injectFault(RuntimeApiFault.errorAnswers(400));
		this.emulator.invoke("{}");
		this.emulator.invoke("{}");
		String answered = RuntimeClient.requestId(this.runtime.awaitNext());
		String failed = RuntimeClient.requestId(this.runtime.awaitNext());

		assertThat(this.runtime.respond(answered, "{}").statusCode()).isEqualTo(202);
		assertThat(this.runtime.error(failed, "Runtime.UserException", "{}").statusCode()).isEqualTo(400);
		assertThat(this.runtime.error(failed, "Runtime.UserException", "{}").statusCode()).isEqualTo(202);
	}

	@Test
	void anAnswerThatLosesItsConnectionIsNotProcessed() throws Exception {
		this.emulator.injectFault(RuntimeApiFault.answerClosesConnection());
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());

		assertThat(rawCall("POST /2018-06-01/runtime/invocation/" + requestId + "/response")).isEmpty();

		assertThat(result).isNotDone();
		assertThat(this.runtime.respond(requestId, "{}").statusCode()).isEqualTo(202);
		assertThat(result).succeedsWithin(RuntimeClient.WAIT);
	}

	@Test
	void aSlowAnswerHoldsOnlyItsOwnCall() {
		this.emulator.injectFault(RuntimeApiFault.slowAnswers(Duration.ofSeconds(5)));
		this.emulator.invoke("{}");
		this.emulator.invoke("{}");

		CompletableFuture<HttpResponse<byte[]>> first = this.runtime.next();
		CompletableFuture<HttpResponse<byte[]>> second = this.runtime.next();

		await().atMost(Duration.ofSeconds(3)).until(() -> first.isDone() || second.isDone());
		assertThat(first.isDone()).isNotEqualTo(second.isDone());
		assertThat(first).succeedsWithin(RuntimeClient.WAIT).extracting(HttpResponse::statusCode).isEqualTo(200);
		assertThat(second).succeedsWithin(RuntimeClient.WAIT).extracting(HttpResponse::statusCode).isEqualTo(200);
	}

	@Test
	void aMissingRequestIdDeliversTheEventWithoutTheHeader() throws Exception {
		this.emulator.injectFault(RuntimeApiFault.missingRequestId());
		this.emulator.invoke("{\"n\":1}");

		HttpResponse<byte[]> next = this.runtime.awaitNext();

		assertThat(next.statusCode()).isEqualTo(200);
		assertThat(next.headers().firstValue(RuntimeApiProtocol.REQUEST_ID)).isEmpty();
		assertThat(next.headers().firstValue(RuntimeApiProtocol.DEADLINE_MS)).isPresent();
		assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
	}

	@Test
	void aNonNumericDeadlineIsDeliveredAsIs() throws Exception {
		this.emulator.injectFault(RuntimeApiFault.nonNumericDeadline());
		this.emulator.invoke("{}");

		assertThat(this.runtime.awaitNext().headers().firstValue(RuntimeApiProtocol.DEADLINE_MS)).hasValue("soon");
	}

	@Test
	void aVeryLongHeaderIsAWellFormedTraceIdOfThatLength() throws Exception {
		this.emulator.injectFault(RuntimeApiFault.veryLongHeader(100_000));
		this.emulator.invoke("{}");

		String traceId = this.runtime.awaitNext().headers().firstValue(RuntimeApiProtocol.TRACE_ID).orElseThrow();

		assertThat(traceId).hasSize(100_000).startsWith("Root=1-").contains(";Sampled=1;Padding=xxx");
	}

	@Test
	void aRepeatedRequestIdSendsTheAnswerToTheEndedInvocationWhichRefusesIt() throws Exception {
		this.emulator.invoke(InvocationRequest.builder("{}").requestId("first").build());
		assertThat(this.runtime.respond(RuntimeClient.requestId(this.runtime.awaitNext()), "{}").statusCode())
			.isEqualTo(202);
		this.emulator.injectFault(RuntimeApiFault.repeatedRequestId());
		CompletableFuture<InvocationResult> second = this.emulator
			.invoke(InvocationRequest.builder("{}").requestId("second").build());

		String handedOut = RuntimeClient.requestId(this.runtime.awaitNext());

		assertThat(handedOut).isEqualTo("first");
		assertThat(this.runtime.respond(handedOut, "{}").statusCode()).isEqualTo(403);
		assertThat(this.emulator.refusedAnswers()).isOne();
		assertThat(second).isNotDone();
	}

	@Test
	void aRepeatedRequestIdWaitsForAnEarlierDelivery() throws Exception {
		this.emulator.injectFault(RuntimeApiFault.repeatedRequestId());
		this.emulator.invoke(InvocationRequest.builder("{}").requestId("first").build());
		this.emulator.invoke(InvocationRequest.builder("{}").requestId("second").build());

		assertThat(RuntimeClient.requestId(this.runtime.awaitNext())).isEqualTo("first");
		assertThat(RuntimeClient.requestId(this.runtime.awaitNext())).isEqualTo("first");
	}

	@Test
	void timesStrikesThatManyCallsThenStops() throws Exception {
		this.emulator.injectFault(RuntimeApiFault.nextAnswers(503).times(2));
		this.emulator.invoke("{}");

		assertThat(this.runtime.awaitNext().statusCode()).isEqualTo(503);
		assertThat(this.runtime.awaitNext().statusCode()).isEqualTo(503);
		assertThat(this.runtime.awaitNext().statusCode()).isEqualTo(200);
	}

	@Test
	void alwaysStrikesUntilTheFaultsAreCleared() throws Exception {
		this.emulator.injectFault(RuntimeApiFault.nextAnswers(500).always());
		this.emulator.invoke("{}");
		for (int i = 0; i < 3; i++) {
			assertThat(this.runtime.awaitNext().statusCode()).isEqualTo(500);
		}

		this.emulator.clearFaults();

		assertThat(this.runtime.awaitNext().statusCode()).isEqualTo(200);
	}

	@Test
	void theFaultInjectedFirstStrikesFirst() throws Exception {
		this.emulator.injectFault(RuntimeApiFault.nextAnswers(403));
		this.emulator.injectFault(RuntimeApiFault.nextAnswers(500));
		this.emulator.invoke("{}");

		assertThat(this.runtime.awaitNext().statusCode()).isEqualTo(403);
		assertThat(this.runtime.awaitNext().statusCode()).isEqualTo(500);
		assertThat(this.runtime.awaitNext().statusCode()).isEqualTo(200);
	}

	@Test
	void faultsThatAreNoFaultsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RuntimeApiFault.nextAnswers(200));
		assertThatIllegalArgumentException().isThrownBy(() -> RuntimeApiFault.responseAnswers(600));
		assertThatIllegalArgumentException().isThrownBy(() -> RuntimeApiFault.slowAnswers(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> RuntimeApiFault.veryLongHeader(99));
		assertThatIllegalArgumentException().isThrownBy(() -> RuntimeApiFault.missingRequestId().times(0));
	}

	/**
	 * Sends a bodiless request on a connection of its own that the server is asked to close
	 * after answering, and reads everything that comes back.
	 */
	private byte[] rawCall(String requestLine) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.emulator.port())) {
			String request = requestLine + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.emulator.port()
					+ "\r\nContent-Length: 0\r\n"
					+ "Connection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			socket.setSoTimeout((int) RuntimeClient.WAIT.toMillis());
			try (InputStream in = socket.getInputStream()) {
				return in.readAllBytes();
			}
		}
	}

}
