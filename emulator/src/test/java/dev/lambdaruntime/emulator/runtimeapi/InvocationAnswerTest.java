package dev.lambdaruntime.emulator.runtimeapi;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeClient;
import dev.lambdaruntime.emulator.http.RequestBody;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class InvocationAnswerTest {

	private static final int SIX_MEGABYTES = 6 * 1024 * 1024;

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	private final RuntimeClient runtime = new RuntimeClient(this.emulator);

	@Test
	void responseCompletesTheInvocationWithTheExactBytes() throws Exception {
		byte[] payload = { 0, (byte) 0xff, (byte) 0xc3, '{', '}', '\n' };
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());

		HttpResponse<String> answer = this.runtime.respond(requestId, BodyPublishers.ofByteArray(payload));

		assertThat(answer.statusCode()).isEqualTo(202);
		assertThat(answer.body()).isEqualTo("{\"status\":\"OK\"}");
		assertThat(result).succeedsWithin(RuntimeClient.WAIT).satisfies((invocation) -> {
			assertThat(invocation.requestId()).isEqualTo(requestId);
			assertThat(invocation.isError()).isFalse();
			assertThat(invocation.payload()).containsExactly(payload);
			assertThat(invocation.errorType()).isNull();
			assertThat(invocation.headers()).containsEntry("content-length", "6");
			assertThat(invocation.duration()).isPositive();
		});
	}

	@Test
	void errorCompletesTheInvocationWithItsErrorType() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		String body = "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}";

		HttpResponse<String> answer = this.runtime.error(requestId, "Runtime.UserException", body);

		assertThat(answer.statusCode()).isEqualTo(202);
		assertThat(result).succeedsWithin(RuntimeClient.WAIT).satisfies((invocation) -> {
			assertThat(invocation.isError()).isTrue();
			assertThat(invocation.errorType()).isEqualTo("Runtime.UserException");
			assertThat(invocation.payloadAsString()).isEqualTo(body);
			assertThat(invocation.headers().get("Lambda-Runtime-Function-Error-Type"))
				.isEqualTo("Runtime.UserException");
		});
	}

	@Test
	void errorWithoutAnErrorTypeHeaderHasNoErrorType() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());

		this.runtime.send(this.runtime.request("/runtime/invocation/" + requestId + "/error")
			.POST(BodyPublishers.ofString("{}")));

		assertThat(result).succeedsWithin(RuntimeClient.WAIT).satisfies((invocation) -> {
			assertThat(invocation.isError()).isTrue();
			assertThat(invocation.errorType()).isNull();
		});
	}

	@Test
	void secondAnswerForTheSameInvocationIsRejectedAsAnInvalidStateTransition() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		this.runtime.respond(requestId, "\"first\"");

		HttpResponse<String> second = this.runtime.error(requestId, "Runtime.UserException", "{}");

		assertThat(second.statusCode()).isEqualTo(403);
		assertThat(RuntimeClient.jsonField(second.body(), "errorType")).isEqualTo("InvalidStateTransition");
		assertThat(result).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((invocation) -> assertThat(invocation.payloadAsString()).isEqualTo("\"first\""));
	}

	@Test
	void answerForAnUnknownRequestIdIsRejected() throws Exception {
		HttpResponse<String> answer = this.runtime.respond("no-such-request", "{}");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(RuntimeClient.jsonField(answer.body(), "errorType")).isEqualTo("InvalidRequestID");
		assertThat(RuntimeClient.jsonField(answer.body(), "errorMessage")).contains("no-such-request");
	}

	@Test
	void answerForAnInvocationNotYetDeliveredIsRejected() throws Exception {
		InvocationRequest request = InvocationRequest.of("{}");
		CompletableFuture<InvocationResult> result = this.emulator.invoke(request);

		HttpResponse<String> answer = this.runtime.respond(request.requestId(), "{}");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(result).isNotDone();
	}

	@Test
	void responseOverTheLimitEndsTheInvocationWithResponseSizeTooLarge() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());

		HttpResponse<String> tooLarge = this.runtime.respond(requestId,
				BodyPublishers.ofByteArray(new byte[RequestBody.MAX_LENGTH + 1]));

		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(RuntimeClient.jsonField(tooLarge.body(), "errorType")).isEqualTo("RequestEntityTooLarge");
		assertThat(result).succeedsWithin(RuntimeClient.WAIT).satisfies((invocation) -> {
			assertThat(invocation.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
			assertThat(RuntimeClient.jsonField(invocation.payloadAsString(), "errorMessage"))
				.isEqualTo("Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).");
		});
		assertThat(this.runtime.error(requestId, "Function.ResponseSizeTooLarge", "{}").statusCode()).isEqualTo(403);
	}

	@Test
	void responseAtTheLimitIsAccepted() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());

		HttpResponse<String> atTheLimit = this.runtime.respond(requestId,
				BodyPublishers.ofByteArray(new byte[RequestBody.MAX_LENGTH]));

		assertThat(atTheLimit.statusCode()).isEqualTo(202);
		assertThat(result).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((invocation) -> assertThat(invocation.payload()).hasSize(6 * 1024 * 1024 + 100));
	}

	@Test
	void responseOfExactlySixMegabytesIsAccepted() throws Exception {
		byte[] payload = new byte[SIX_MEGABYTES];
		Arrays.fill(payload, (byte) 'x');
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());

		HttpResponse<String> answer = this.runtime.respond(requestId, BodyPublishers.ofByteArray(payload));

		assertThat(answer.statusCode()).isEqualTo(202);
		assertThat(result).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((invocation) -> assertThat(invocation.payload()).isEqualTo(payload));
	}

	@Test
	void chunkedResponseIsAccepted() throws Exception {
		byte[] payload = "{\"streamed\":\"without a length\"}".getBytes();
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());

		HttpResponse<String> answer = this.runtime.respond(requestId,
				BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(payload)));

		assertThat(answer.statusCode()).isEqualTo(202);
		assertThat(result).succeedsWithin(RuntimeClient.WAIT).satisfies((invocation) -> {
			assertThat(invocation.payload()).isEqualTo(payload);
			assertThat(invocation.headers()).containsEntry("transfer-encoding", "chunked");
		});
	}

	@Test
	void percentEncodedRequestIdIsDecoded() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator
			.invoke(InvocationRequest.builder("{}").requestId("odd id+/?").build());
		assertThat(RuntimeClient.requestId(this.runtime.awaitNext())).isEqualTo("odd id+/?");

		HttpResponse<String> answer = this.runtime.respond("odd%20id%2B%2F%3F", "{}");

		assertThat(answer.statusCode()).isEqualTo(202);
		assertThat(result).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((invocation) -> assertThat(invocation.requestId()).isEqualTo("odd id+/?"));
	}

}
