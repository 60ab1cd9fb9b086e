package dev.lambdaruntime.emulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class InvocationTimeoutTest {

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofMillis(200)).build();

	private final RuntimeClient runtime = new RuntimeClient(this.emulator);

	@Test
	void invocationTimesOutWhenNoAnswerArrivesBeforeTheDeadline() throws Exception {
		this.runtime.next();
		InvocationRequest request = InvocationRequest.of("{}");
		String requestId = request.requestId();
		CompletableFuture<InvocationResult> result = this.emulator.invoke(request);

		assertThat(result).succeedsWithin(RuntimeClient.WAIT).satisfies((invocation) -> {
			assertThat(invocation.requestId()).isEqualTo(requestId);
			assertThat(invocation.isError()).isTrue();
			assertThat(invocation.errorType()).isEqualTo("Sandbox.Timedout");
			assertThat(RuntimeClient.jsonField(invocation.payloadAsString(), "errorType"))
				.isEqualTo("Sandbox.Timedout");
			assertThat(RuntimeClient.jsonField(invocation.payloadAsString(), "errorMessage"))
				.isEqualTo(requestId + " Task timed out after 0.20 seconds");
			assertThat(invocation.headers()).isEmpty();
		});
	}

	@Test
	void answerAfterTheTimeoutIsRejectedAsAnInvalidStateTransition() throws Exception {
		this.runtime.next();
		InvocationRequest request = InvocationRequest.of("{}");
		String requestId = request.requestId();
		assertThat(this.emulator.invoke(request)).succeedsWithin(RuntimeClient.WAIT);

		HttpResponse<String> late = this.runtime.respond(requestId, "{}");

		assertThat(late.statusCode()).isEqualTo(403);
		assertThat(RuntimeClient.jsonField(late.body(), "errorType")).isEqualTo("InvalidStateTransition");
	}

	@Test
	void invocationTimeoutOverridesTheEmulatorTimeout() throws Exception {
		long invokedAt = System.currentTimeMillis();
		CompletableFuture<InvocationResult> result = this.emulator
			.invoke(InvocationRequest.builder("{}").timeout(Duration.ofMinutes(5)).build());

		HttpResponse<byte[]> next = this.runtime.awaitNext();

		assertThat(next.headers().firstValueAsLong(RuntimeApiProtocol.DEADLINE_MS).getAsLong())
			.isGreaterThanOrEqualTo(invokedAt + Duration.ofMinutes(5).toMillis());
		this.runtime.respond(RuntimeClient.requestId(next), "{}");
		assertThat(result).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((invocation) -> assertThat(invocation.isError()).isFalse());
	}

	@Test
	void invocationThatNoRuntimeTakesTimesOutAsInLambda() {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");

		assertThat(result).succeedsWithin(RuntimeClient.WAIT).satisfies((invocation) -> {
			assertThat(invocation.errorType()).isEqualTo("Sandbox.Timedout");
			assertThat(invocation.duration()).isZero();
		});
	}

	@Test
	void invocationThatTimedOutWaitingIsNotHandedToALaterRuntime() throws Exception {
		CompletableFuture<InvocationResult> timedOut = this.emulator.invoke("\"first\"");
		assertThat(timedOut).succeedsWithin(RuntimeClient.WAIT);
		CompletableFuture<HttpResponse<byte[]>> next = this.runtime.next();
		this.emulator.invoke(InvocationRequest.builder("\"second\"").timeout(Duration.ofMinutes(1)).build());

		assertThat(new String(next.get().body())).isEqualTo("\"second\"");
	}

}
