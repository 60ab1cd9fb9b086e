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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(30)
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
		this.runtime.awaitNext();
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
	void historyIsReadOnly() throws Exception {
		HttpResponse<String> answer = this.invoker
			.send(this.invoker.requestTo(HistoryEndpoint.PATH).POST(BodyPublishers.ofString("{}")));

		assertThat(answer.statusCode()).isEqualTo(405);
		assertThat(this.invoker.history()).isEmpty();
	}

}
