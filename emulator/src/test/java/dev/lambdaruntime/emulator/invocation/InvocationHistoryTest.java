package dev.lambdaruntime.emulator.invocation;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.InvokeClient;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeClient;
import dev.lambdaruntime.emulator.page.HistoryEndpoint;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(30)
@ExtendWith(OutputCaptureExtension.class)
class InvocationHistoryTest {

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.builder().functionName("orders").build();

	private final RuntimeClient runtime = new RuntimeClient(this.emulator);

	private final InvokeClient invoker = new InvokeClient(this.emulator);

	@Test
	void historyShowsEachInvocationNewestFirstWithHowItEnded() throws Exception {
		Instant before = Instant.now();
		CompletableFuture<InvocationResult> ok = this.emulator.invoke("{\"n\":1}");
		this.runtime.respond(RuntimeClient.requestId(this.runtime.awaitNext()), "\"done\"");
		CompletableFuture<InvocationResult> failed = this.emulator.invoke("{\"n\":2}");
		this.runtime.error(RuntimeClient.requestId(this.runtime.awaitNext()), "Runtime.UserException", "{\"e\":1}");
		this.invoker.invokeAsync(this.invoker.request("other-name", "{\"n\":3}"));
		assertThat(CompletableFuture.allOf(ok, failed)).succeedsWithin(RuntimeClient.WAIT);

		JsonNode history = await().atMost(RuntimeClient.WAIT).until(this.invoker::history, (list) -> list.size() == 3);

		JsonNode pending = history.get(0);
		assertThat(pending.get("functionName").asString()).isEqualTo("other-name");
		assertThat(pending.get("status").asString()).isEqualTo("pending");
		assertThat(pending.get("requestBody").asString()).isEqualTo("{\"n\":3}");
		assertThat(pending.get("durationMs").isNull()).isTrue();
		assertThat(pending.get("responseBody").isNull()).isTrue();
		JsonNode error = history.get(1);
		assertThat(error.get("requestId").asString()).isEqualTo(failed.get().requestId());
		assertThat(error.get("status").asString()).isEqualTo("error");
		assertThat(error.get("errorType").asString()).isEqualTo("Runtime.UserException");
		assertThat(error.get("responseBody").asString()).isEqualTo("{\"e\":1}");
		JsonNode success = history.get(2);
		assertThat(success.get("requestId").asString()).isEqualTo(ok.get().requestId());
		assertThat(success.get("functionName").asString()).isEqualTo("orders");
		assertThat(success.get("status").asString()).isEqualTo("ok");
		assertThat(success.get("errorType").isNull()).isTrue();
		assertThat(success.get("requestBody").asString()).isEqualTo("{\"n\":1}");
		assertThat(success.get("responseBody").asString()).isEqualTo("\"done\"");
		assertThat(success.get("durationMs").asLong()).isEqualTo(ok.get().duration().toMillis());
		assertThat(Instant.parse(success.get("startTime").asString())).isBetween(before, Instant.now());
	}

	@Test
	void timedOutInvocationIsShownAsATimeout() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator
			.invoke(InvocationRequest.builder("{}").timeout(Duration.ofMillis(50)).build());
		assertThat(result).succeedsWithin(RuntimeClient.WAIT);

		// the invoker's result may complete a moment before the history entry is updated
		await().atMost(RuntimeClient.WAIT)
			.until(() -> !this.invoker.history().get(0).get("status").asString().equals("pending"));
		JsonNode timedOut = this.invoker.history().get(0);

		assertThat(timedOut.get("status").asString()).isEqualTo("timeout");
		assertThat(timedOut.get("errorType").asString()).isEqualTo("Sandbox.Timedout");
	}

	@Test
	void historyKeepsTheMostRecentHundredInvocations() throws Exception {
		for (int i = 0; i <= InvocationHistory.CAPACITY; i++) {
			this.emulator.invoke(Integer.toString(i));
		}

		JsonNode history = this.invoker.history();

		assertThat(history).hasSize(InvocationHistory.CAPACITY);
		assertThat(history.get(0).get("requestBody").asString()).isEqualTo(Integer.toString(InvocationHistory.CAPACITY));
		assertThat(history.get(InvocationHistory.CAPACITY - 1).get("requestBody").asString()).isEqualTo("1");
	}

	@Test
	void bodiesAreCutTo64Kilobytes() throws Exception {
		byte[] large = new byte[BodyExcerpt.MAX_LENGTH + 1];
		Arrays.fill(large, (byte) 'x');
		CompletableFuture<InvocationResult> result = this.emulator.invoke(large);
		this.runtime.respond(RuntimeClient.requestId(this.runtime.awaitNext()), BodyPublishers.ofByteArray(large));
		assertThat(result).succeedsWithin(RuntimeClient.WAIT);

		JsonNode entry = this.invoker.history().get(0);

		assertThat(entry.get("requestBody").asString()).hasSize(BodyExcerpt.MAX_LENGTH);
		assertThat(entry.get("requestTruncated").asBoolean()).isTrue();
		assertThat(entry.get("responseBody").asString()).hasSize(BodyExcerpt.MAX_LENGTH);
		assertThat(entry.get("responseTruncated").asBoolean()).isTrue();
	}

	@Test
	void historyTakesNoPosts() throws Exception {
		HttpResponse<String> answer = this.invoker
			.send(this.invoker.requestTo(HistoryEndpoint.PATH).POST(BodyPublishers.ofString("{}")));

		assertThat(answer.statusCode()).isEqualTo(405);
		assertThat(this.invoker.history()).isEmpty();
	}

	@Test
	void invocationIsTakenOnceTheRuntimeHasItAndKeepsItsSizes() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{\"n\":1}");
		JsonNode queued = this.invoker.history().get(0);
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		JsonNode running = this.invoker.history().get(0);
		this.runtime.respond(requestId, "\"done\"");
		assertThat(result).succeedsWithin(RuntimeClient.WAIT);

		JsonNode ended = await().atMost(RuntimeClient.WAIT)
			.until(() -> this.invoker.history().get(0), (entry) -> entry.get("status").asString().equals("ok"));

		assertThat(queued.get("taken").asBoolean()).isFalse();
		assertThat(running.get("status").asString()).isEqualTo("pending");
		assertThat(running.get("taken").asBoolean()).isTrue();
		assertThat(ended.get("taken").asBoolean()).isTrue();
		assertThat(ended.get("initError").asBoolean()).isFalse();
		assertThat(ended.get("requestBytes").asInt()).isEqualTo(7);
		assertThat(ended.get("responseBytes").asInt()).isEqualTo(6);
	}

	@Test
	void invocationEndedByAnInitErrorIsMarkedAsOne(CapturedOutput output) throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		this.runtime.initError("Runtime.BadFunctionCode", "{\"errorMessage\":\"No function\"}");
		assertThat(result).succeedsWithin(RuntimeClient.WAIT);

		JsonNode ended = await().atMost(RuntimeClient.WAIT)
			.until(() -> this.invoker.history().get(0), (entry) -> entry.get("status").asString().equals("error"));

		assertThat(ended.get("initError").asBoolean()).isTrue();
		assertThat(ended.get("taken").asBoolean()).isFalse();
		assertThat(ended.get("errorType").asString()).isEqualTo("Runtime.BadFunctionCode");
		assertThat(output).contains("The runtime reported an init error (Runtime.BadFunctionCode)");
	}

	@Test
	void timeoutInTheQueueIsNoInitError() throws Exception {
		assertThat(this.emulator.invoke(InvocationRequest.builder("{}").timeout(Duration.ofMillis(50)).build()))
			.succeedsWithin(RuntimeClient.WAIT);

		JsonNode ended = await().atMost(RuntimeClient.WAIT)
			.until(() -> this.invoker.history().get(0), (entry) -> entry.get("status").asString().equals("timeout"));

		assertThat(ended.get("initError").asBoolean()).isFalse();
		assertThat(ended.get("taken").asBoolean()).isFalse();
	}

	@Test
	void oneInvocationIsDeletedAndThenAllAreCleared() throws Exception {
		this.emulator.invoke("1");
		this.emulator.invoke("2");
		this.emulator.invoke("3");
		JsonNode history = this.invoker.history();
		String second = history.get(1).get("requestId").asString();

		HttpResponse<String> deleted = this.invoker
			.send(this.invoker.requestTo(HistoryEndpoint.PATH + "/" + second).DELETE());
		HttpResponse<String> deletedAgain = this.invoker
			.send(this.invoker.requestTo(HistoryEndpoint.PATH + "/" + second).DELETE());

		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(deletedAgain.statusCode()).isEqualTo(404);
		assertThat(this.invoker.history()).extracting((entry) -> entry.get("requestBody").asString())
			.containsExactly("3", "1");
		HttpResponse<String> cleared = this.invoker.send(this.invoker.requestTo(HistoryEndpoint.PATH).DELETE());
		assertThat(cleared.statusCode()).isEqualTo(204);
		assertThat(this.invoker.history()).isEmpty();
	}

}
