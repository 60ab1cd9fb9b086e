package dev.lambdaruntime.emulator.invokeapi;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import dev.lambdaruntime.emulator.InvokeClient;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeClient;
import dev.lambdaruntime.emulator.http.RequestBody;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class InvokeApiTest {

	private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:orders";

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.builder().functionName("orders").build();

	private final RuntimeClient runtime = new RuntimeClient(this.emulator);

	private final InvokeClient invoker = new InvokeClient(this.emulator);

	@Test
	void invocationIsAnsweredWithTheFunctionPayload() throws Exception {
		CompletableFuture<HttpResponse<String>> invoked = this.invoker.invokeAsync("{\"order\":1}");
		HttpResponse<byte[]> next = this.runtime.awaitNext();
		String requestId = RuntimeClient.requestId(next);

		this.runtime.respond(requestId, "{\"shipped\":true}");

		assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("{\"order\":1}");
		assertThat(next.headers().firstValue(RuntimeApiProtocol.INVOKED_FUNCTION_ARN)).hasValue(ARN);
		assertThat(invoked).succeedsWithin(RuntimeClient.WAIT).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"shipped\":true}");
			assertThat(response.headers().firstValue("X-Amzn-Requestid")).hasValue(requestId);
			assertThat(response.headers().firstValue("X-Amz-Executed-Version")).hasValue("$LATEST");
			assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
		});
	}

	@Test
	void functionErrorIsAnsweredWithItsPayloadMarkedUnhandled() throws Exception {
		CompletableFuture<HttpResponse<String>> invoked = this.invoker.invokeAsync("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		String error = "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}";

		this.runtime.error(requestId, "Runtime.UserException", error);

		assertThat(invoked).succeedsWithin(RuntimeClient.WAIT).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(error);
			assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
		});
	}

	@Test
	void timedOutInvocationIsAnsweredWithASandboxTimeoutError() throws Exception {
		try (LambdaEmulator emulator = LambdaEmulator.builder().timeout(Duration.ofMillis(100)).build()) {
			CompletableFuture<HttpResponse<String>> invoked = new InvokeClient(emulator).invokeAsync("{}");
			String requestId = RuntimeClient.requestId(new RuntimeClient(emulator).awaitNext());

			assertThat(invoked).succeedsWithin(RuntimeClient.WAIT).satisfies((response) -> {
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
				assertThat(RuntimeClient.jsonField(response.body(), "errorType")).isEqualTo("Sandbox.Timedout");
				assertThat(RuntimeClient.jsonField(response.body(), "errorMessage"))
					.isEqualTo(requestId + " Task timed out after 0.10 seconds");
			});
		}
	}

	@Test
	void eventInvocationIsAcceptedAtOnceAndQueued() throws Exception {
		HttpResponse<String> accepted = this.invoker
			.send(this.invoker.request("orders", "{\"async\":true}").header("X-Amz-Invocation-Type", "Event"));

		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(accepted.body()).isEmpty();
		HttpResponse<byte[]> next = this.runtime.awaitNext();
		assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("{\"async\":true}");
		assertThat(accepted.headers().firstValue("X-Amzn-Requestid")).hasValue(RuntimeClient.requestId(next));
	}

	@Test
	void dryRunIsAnsweredWithNoContentAndInvokesNothing() throws Exception {
		HttpResponse<String> dryRun = this.invoker
			.send(this.invoker.request("orders", "{\"dry\":true}").header("X-Amz-Invocation-Type", "DryRun"));
		this.invoker.invokeAsync("{\"real\":true}");

		assertThat(dryRun.statusCode()).isEqualTo(204);
		assertThat(dryRun.headers().firstValue("X-Amzn-Requestid")).isPresent();
		assertThat(new String(this.runtime.awaitNext().body(), StandardCharsets.UTF_8)).isEqualTo("{\"real\":true}");
	}

	@Test
	void clientContextIsDecodedAndTenantAndTraceArePassedOn() throws Exception {
		String clientContext = "{\n  \"client\": {\"app_title\": \"shop\"}\n}";
		this.invoker.invokeAsync(this.invoker.request("orders", "{}")
			.header("X-Amz-Client-Context",
					Base64.getEncoder().encodeToString(clientContext.getBytes(StandardCharsets.UTF_8)))
			.header("X-Amz-Tenant-Id", "tenant-7")
			.header("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"));

		HttpResponse<byte[]> next = this.runtime.awaitNext();

		assertThat(next.headers().firstValue(RuntimeApiProtocol.CLIENT_CONTEXT))
			.hasValue("{\"client\":{\"app_title\":\"shop\"}}");
		assertThat(next.headers().firstValue(RuntimeApiProtocol.TENANT_ID)).hasValue("tenant-7");
		assertThat(next.headers().firstValue(RuntimeApiProtocol.TRACE_ID))
			.hasValue("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
	}

	@Test
	void requestAsTheAwsSdkSendsItIsServed() throws Exception {
		// what the AWS SDK for Java 2 sends for LambdaClient.invoke with endpointOverride
		CompletableFuture<HttpResponse<String>> invoked = this.invoker
			.invokeAsync(HttpRequest
				.newBuilder(URI.create(this.invoker.invocationsUri(URLEncoder.encode(ARN, StandardCharsets.UTF_8))
						+ "?Qualifier=live"))
				.POST(BodyPublishers.ofString("{\"sdk\":true}"))
				.expectContinue(true)
				.header("Content-Type", "application/octet-stream")
				.header("X-Amz-Invocation-Type", "RequestResponse")
				.header("X-Amz-Log-Type", "Tail")
				.header("X-Amz-Date", "20250101T000000Z")
				.header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/lambda/aws4_request, "
						+ "SignedHeaders=host;x-amz-date, Signature=0000")
				.header("amz-sdk-invocation-id", "c6b8b4f2-0000-0000-0000-000000000000")
				.header("amz-sdk-request", "attempt=1; max=4"));
		HttpResponse<byte[]> next = this.runtime.awaitNext();

		this.runtime.respond(RuntimeClient.requestId(next), "\"ok\"");

		assertThat(next.headers().firstValue(RuntimeApiProtocol.INVOKED_FUNCTION_ARN)).hasValue(ARN + ":live");
		assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("{\"sdk\":true}");
		assertThat(invoked).succeedsWithin(RuntimeClient.WAIT).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("\"ok\"");
		});
	}

	@Test
	void qualifierAfterThePlainNameReachesTheInvokedArn() throws Exception {
		this.invoker.invokeAsync(this.invoker.request("orders:7", "{}"));

		assertThat(this.runtime.awaitNext().headers().firstValue(RuntimeApiProtocol.INVOKED_FUNCTION_ARN))
			.hasValue(ARN + ":7");
	}

	@Test
	void plainNameOfAnotherFunctionReachesTheInvokedArn() throws Exception {
		this.invoker.invokeAsync(this.invoker.request("greet", "{}"));

		assertThat(this.runtime.awaitNext().headers().firstValue(RuntimeApiProtocol.INVOKED_FUNCTION_ARN))
			.hasValue("arn:aws:lambda:us-east-1:000000000000:function:greet");
	}

	@Test
	void clientContextThatIsNotBase64JsonIsRefused() throws Exception {
		HttpResponse<String> refused = this.invoker
			.send(this.invoker.request("orders", "{}").header("X-Amz-Client-Context", "not base64!"));

		assertRefused(refused, 400, "InvalidParameterValueException");
	}

	@Test
	void unknownInvocationTypeIsRefused() throws Exception {
		HttpResponse<String> refused = this.invoker
			.send(this.invoker.request("orders", "{}").header("X-Amz-Invocation-Type", "Later"));

		assertRefused(refused, 400, "InvalidParameterValueException");
	}

	@Test
	void eventOverSixMegabytesIsRefused() throws Exception {
		HttpResponse<String> refused = this.invoker.send(this.invoker.request("orders", "")
			.POST(BodyPublishers.ofByteArray(new byte[RequestBody.MAX_LENGTH + 1])));

		assertRefused(refused, 413, "RequestTooLargeException");
	}

	@Test
	void otherPathsAndMethodsAreUnknownOperations() throws Exception {
		assertRefused(this.invoker.get("/2015-03-31/functions/orders/invocations"), 404, "UnknownOperationException");
		assertRefused(this.invoker.get("/2015-03-31/functions/orders/configuration"), 404,
				"UnknownOperationException");
	}

	@Test
	void invocationBeyondTheQueueLimitIsRefusedWith429AndTheQueuedOnesAreServed() throws Exception {
		try (LambdaEmulator small = LambdaEmulator.builder().functionName("orders").maxQueuedInvocations(1).build()) {
			InvokeClient invoker = new InvokeClient(small);
			RuntimeClient runtime = new RuntimeClient(small);

			HttpResponse<String> queued = invoker.send(eventInvocation(invoker, "{\"n\":1}"));
			HttpResponse<String> refused = invoker.send(eventInvocation(invoker, "{\"n\":2}"));
			HttpResponse<byte[]> next = runtime.awaitNext();
			HttpResponse<String> queuedAgain = invoker.send(eventInvocation(invoker, "{\"n\":3}"));

			assertThat(queued.statusCode()).isEqualTo(202);
			assertRefused(refused, 429, "TooManyRequestsException");
			assertThat(RuntimeClient.jsonField(refused.body(), "message")).contains("is full (at most 1)");
			assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
			assertThat(queuedAgain.statusCode()).isEqualTo(202);
		}
	}

	private static HttpRequest.Builder eventInvocation(InvokeClient invoker, String event) {
		return invoker.request("orders", event).header("X-Amz-Invocation-Type", "Event");
	}

	private static void assertRefused(HttpResponse<String> response, int status, String errorType) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue(errorType);
		assertThat(RuntimeClient.jsonField(response.body(), "Type")).isEqualTo("User");
		assertThat(RuntimeClient.jsonField(response.body(), "message")).isNotBlank();
	}

}
