package dev.lambdaruntime.emulator.runtimeapi;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeClient;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

@Timeout(30)
class NextInvocationTest {

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.builder().functionName("orders").build();

	private final RuntimeClient runtime = new RuntimeClient(this.emulator);

	@Test
	void nextBlocksUntilAnEventIsQueued() {
		CompletableFuture<HttpResponse<byte[]>> next = this.runtime.next();
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !next.isDone());

		this.emulator.invoke("{\"order\":1}");

		assertThat(next).succeedsWithin(RuntimeClient.WAIT).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"order\":1}");
		});
	}

	@Test
	void nextCarriesTheInvocationHeaders() throws Exception {
		long invokedAt = System.currentTimeMillis();
		InvocationRequest request = InvocationRequest.builder("{}").timeout(Duration.ofSeconds(42)).build();
		this.emulator.invoke(request);

		HttpResponse<byte[]> next = this.runtime.awaitNext();
		long receivedAt = System.currentTimeMillis();

		assertThat(next.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(next.headers().firstValueAsLong("Content-Length")).hasValue(2);
		assertThat(next.headers().firstValue(RuntimeApiProtocol.REQUEST_ID)).hasValue(request.requestId());
		assertThat(next.headers().firstValueAsLong(RuntimeApiProtocol.DEADLINE_MS).getAsLong())
			.isBetween(invokedAt + 42_000, receivedAt + 42_000);
		assertThat(next.headers().firstValue(RuntimeApiProtocol.INVOKED_FUNCTION_ARN))
			.hasValue("arn:aws:lambda:us-east-1:000000000000:function:orders");
		assertThat(next.headers().firstValue(RuntimeApiProtocol.TRACE_ID)).hasValue(request.traceId());
		assertThat(next.headers().map()).doesNotContainKeys(RuntimeApiProtocol.CLIENT_CONTEXT,
				RuntimeApiProtocol.COGNITO_IDENTITY, RuntimeApiProtocol.TENANT_ID);
	}

	@Test
	void nextPassesTheSuppliedDetailsThrough() throws Exception {
		this.emulator.invoke(InvocationRequest.builder("{}")
			.requestId("request-1")
			.traceId("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
			.invokedFunctionArn("arn:aws:lambda:eu-west-1:123456789012:function:orders:live")
			.clientContext("{\"client\":{\"app_title\":\"shop\"}}")
			.cognitoIdentity("{\"cognitoIdentityId\":\"id-1\"}")
			.tenantId("tenant-7")
			.build());

		HttpResponse<byte[]> next = this.runtime.awaitNext();

		assertThat(next.headers().firstValue(RuntimeApiProtocol.REQUEST_ID)).hasValue("request-1");
		assertThat(next.headers().firstValue(RuntimeApiProtocol.TRACE_ID))
			.hasValue("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
		assertThat(next.headers().firstValue(RuntimeApiProtocol.INVOKED_FUNCTION_ARN))
			.hasValue("arn:aws:lambda:eu-west-1:123456789012:function:orders:live");
		assertThat(next.headers().firstValue(RuntimeApiProtocol.CLIENT_CONTEXT))
			.hasValue("{\"client\":{\"app_title\":\"shop\"}}");
		assertThat(next.headers().firstValue(RuntimeApiProtocol.COGNITO_IDENTITY))
			.hasValue("{\"cognitoIdentityId\":\"id-1\"}");
		assertThat(next.headers().firstValue(RuntimeApiProtocol.TENANT_ID)).hasValue("tenant-7");
	}

	@Test
	void nextDeliversAnEmptyEventWithZeroContentLength() throws Exception {
		this.emulator.invoke(new byte[0]);

		HttpResponse<byte[]> next = this.runtime.awaitNext();

		assertThat(next.statusCode()).isEqualTo(200);
		assertThat(next.headers().firstValueAsLong("Content-Length")).hasValue(0);
		assertThat(next.body()).isEmpty();
	}

	@Test
	void invocationsAreDeliveredInTheOrderTheyWereQueued() throws Exception {
		for (int i = 1; i <= 5; i++) {
			this.emulator.invoke("{\"n\":" + i + "}");
		}

		for (int i = 1; i <= 5; i++) {
			HttpResponse<byte[]> next = this.runtime.awaitNext();
			assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":" + i + "}");
			this.runtime.respond(RuntimeClient.requestId(next), "{}");
		}
	}

	@Test
	void severalRuntimesCanWaitAtOnceUpToTheMaximumConcurrency() throws Exception {
		try (LambdaEmulator concurrent = LambdaEmulator.builder().maxConcurrency(2).build()) {
			RuntimeClient runtime = new RuntimeClient(concurrent);
			CompletableFuture<HttpResponse<byte[]>> first = runtime.next();
			CompletableFuture<HttpResponse<byte[]>> second = runtime.next();

			concurrent.invoke("{\"n\":1}");
			concurrent.invoke("{\"n\":2}");

			assertThat(CompletableFuture.allOf(first, second)).succeedsWithin(RuntimeClient.WAIT);
			assertThat(new String[] { new String(first.get().body(), StandardCharsets.UTF_8),
					new String(second.get().body(), StandardCharsets.UTF_8) })
				.containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":2}");
		}
	}

	@Test
	void eventStaysQueuedWhenTheWaitingRuntimeGoesAway() throws Exception {
		this.runtime.nextAndDisconnect();

		this.emulator.invoke("{\"kept\":true}");
		// the abandoned call is the only one waiting, so it takes the event, and fails to deliver it
		await().atMost(RuntimeClient.WAIT)
			.until(() -> this.emulator.exchanges().stream().anyMatch((exchange) -> exchange.status() == 200));

		HttpResponse<byte[]> next = this.runtime.awaitNext();
		assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("{\"kept\":true}");
	}

	/**
	 * An empty event is all headers: they go out whole into the connection the runtime closed,
	 * so no failed write shows the loss. The runtime's next call, made while the invocation
	 * runs, is handed it again, as Lambda hands a runtime the invocation in progress.
	 */
	@Test
	void emptyEventLostWithTheWaitingRuntimesConnectionIsDeliveredAgainOnItsNextCall() throws Exception {
		this.runtime.nextAndDisconnect();
		InvocationRequest request = InvocationRequest.builder(new byte[0]).build();
		CompletableFuture<InvocationResult> result = this.emulator.invoke(request);
		await().atMost(RuntimeClient.WAIT)
			.until(() -> this.emulator.exchanges().stream().anyMatch((exchange) -> exchange.status() == 200));

		HttpResponse<byte[]> next = this.runtime.awaitNext();

		assertThat(next.body()).isEmpty();
		assertThat(RuntimeClient.requestId(next)).isEqualTo(request.requestId());
		assertThat(this.runtime.respond(request.requestId(), "\"answered\"").statusCode()).isEqualTo(202);
		assertThat(result).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((answer) -> assertThat(answer.payloadAsString()).isEqualTo("\"answered\""));
		assertThat(this.emulator.refusedAnswers()).isZero();
	}

	@Test
	void invokeBeyondTheQueueLimitIsRefusedAndTheQueuedOnesAreServed() throws Exception {
		try (LambdaEmulator small = LambdaEmulator.builder().maxQueuedInvocations(2).build()) {
			RuntimeClient runtime = new RuntimeClient(small);
			CompletableFuture<InvocationResult> first = small.invoke("1");
			CompletableFuture<InvocationResult> second = small.invoke("2");

			assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> small.invoke("3"))
				.withMessageContaining("is full (at most 2)");
			runtime.respond(RuntimeClient.requestId(runtime.awaitNext()), "\"one\"");
			runtime.respond(RuntimeClient.requestId(runtime.awaitNext()), "\"two\"");

			assertThat(first).succeedsWithin(RuntimeClient.WAIT)
				.satisfies((result) -> assertThat(result.payloadAsString()).isEqualTo("\"one\""));
			assertThat(second).succeedsWithin(RuntimeClient.WAIT)
				.satisfies((result) -> assertThat(result.payloadAsString()).isEqualTo("\"two\""));
		}
	}

	@Test
	void queueLimitMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> LambdaEmulator.builder().maxQueuedInvocations(0))
			.withMessage("The maximum of queued invocations must be at least 1, not 0");
	}

}
