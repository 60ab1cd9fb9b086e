package dev.lambdaruntime.emulator.invocation;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How a runtime's init error or exit reaches the invocations, as the launcher reports them.
 */
@Timeout(30)
class RuntimeFailureTest {

	private static final String EXIT = "Runtime exited with error: exit status 3";

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	private final RuntimeClient runtime = new RuntimeClient(this.emulator);

	@Test
	void exitOfARuntimeStoppedForATimeoutEndsNoWaitingInvocation() {
		CompletableFuture<InvocationResult> timedOut = this.emulator
			.invoke(InvocationRequest.builder("1").timeout(Duration.ofMillis(100)).build());
		assertThat(timedOut).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((result) -> assertThat(result.errorType()).isEqualTo("Sandbox.Timedout"));
		CompletableFuture<InvocationResult> waiting = this.emulator.invoke("2");

		this.emulator.runtimeExited("Runtime exited with error: exit status 143");

		assertThat(waiting).isNotDone();
	}

	@Test
	void initErrorEndsTheOldestWaitingInvocationWithIt() throws Exception {
		CompletableFuture<InvocationResult> oldest = this.emulator.invoke("1");
		CompletableFuture<InvocationResult> newer = this.emulator.invoke("2");
		String error = "{\"errorMessage\":\"no handler\",\"errorType\":\"java.lang.ClassNotFoundException\"}";

		this.runtime.initError("Runtime.BadFunctionCode", error);

		assertThat(oldest).succeedsWithin(RuntimeClient.WAIT).satisfies((result) -> {
			assertThat(result.isError()).isTrue();
			assertThat(result.errorType()).isEqualTo("Runtime.BadFunctionCode");
			assertThat(result.payloadAsString()).isEqualTo(error);
			assertThat(result.duration()).isZero();
		});
		assertThat(newer).isNotDone();
	}

	@Test
	void initErrorWithNoInvocationWaitingIsOnlyRecorded() throws Exception {
		this.runtime.initError("Runtime.BadFunctionCode", "{}");
		CompletableFuture<InvocationResult> later = this.emulator.invoke("1");

		assertThat(this.emulator.initErrors()).hasSize(1);
		assertThat(later).isNotDone();
	}

	@Test
	void exitEndsTheInvocationsHandedToTheRuntimeWithAnExitError() throws Exception {
		CompletableFuture<InvocationResult> running = this.emulator.invoke("1");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		CompletableFuture<InvocationResult> waiting = this.emulator.invoke("2");

		boolean initialized = this.emulator.runtimeExited(EXIT);

		assertThat(initialized).isTrue();
		assertThat(running).succeedsWithin(RuntimeClient.WAIT).satisfies((result) -> {
			assertThat(result.isError()).isTrue();
			assertThat(result.errorType()).isEqualTo("Runtime.ExitError");
			assertThat(RuntimeClient.jsonField(result.payloadAsString(), "errorType")).isEqualTo("Runtime.ExitError");
			assertThat(RuntimeClient.jsonField(result.payloadAsString(), "errorMessage"))
				.isEqualTo("RequestId: " + requestId + " Error: " + EXIT);
		});
		assertThat(waiting).isNotDone();
	}

	@Test
	void exitBeforeTheFirstNextEndsTheOldestWaitingInvocation() {
		CompletableFuture<InvocationResult> oldest = this.emulator.invoke("1");
		CompletableFuture<InvocationResult> newer = this.emulator.invoke("2");

		boolean initialized = this.emulator.runtimeExited(EXIT);

		assertThat(initialized).isFalse();
		assertThat(oldest).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((result) -> assertThat(result.errorType()).isEqualTo("Runtime.ExitError"));
		assertThat(newer).isNotDone();
	}

	@Test
	void exitAfterAnInitErrorEndsNoFurtherInvocation() throws Exception {
		this.runtime.initError("Runtime.BadFunctionCode", "{}");
		CompletableFuture<InvocationResult> waiting = this.emulator.invoke("1");

		boolean initialized = this.emulator.runtimeExited(EXIT);

		assertThat(initialized).isFalse();
		assertThat(waiting).isNotDone();
	}

	@Test
	void exitDropsTheNextCallsTheRuntimeLeftWaiting() throws Exception {
		CompletableFuture<HttpResponse<byte[]>> abandoned = this.runtime.next();
		await().atMost(RuntimeClient.WAIT).until(() -> {
			this.emulator.runtimeExited(EXIT);
			return abandoned.isDone();
		});
		InvocationRequest request = InvocationRequest.of("1");
		this.emulator.invoke(request);

		HttpResponse<byte[]> next = this.runtime.awaitNext();

		assertThat(abandoned).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(IOException.class);
		assertThat(RuntimeClient.requestId(next)).isEqualTo(request.requestId());
	}

	@Test
	void awaitingAQueuedInvocationEndsWhenOneArrives() {
		CompletableFuture<Void> awaited = CompletableFuture.runAsync(() -> {
			try {
				this.emulator.awaitQueuedInvocation();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !awaited.isDone());

		this.emulator.invoke("1");

		assertThat(awaited).succeedsWithin(RuntimeClient.WAIT);
	}

}
