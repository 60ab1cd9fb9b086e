package dev.lambdaruntime.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RecordedExchange;
import dev.lambdaruntime.runtime.StubRuntimeApi.Answer;
import dev.lambdaruntime.runtime.StubRuntimeApi.Answerer;
import dev.lambdaruntime.runtime.StubRuntimeApi.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RuntimeLoop}, driven over real sockets by the Lambda emulator, or by a scripted
 * stub for the faults the emulator never produces.
 */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class RuntimeLoopTests {

	private static final LambdaEnvironment ENVIRONMENT = new LambdaEnvironment("loop-function", "$LATEST", 512,
			"/aws/lambda/loop-function", "stream");

	private static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

	private static final Pattern ANSWER_PATH = Pattern.compile("/2018-06-01/runtime/invocation/([^/]+)/(response|error)");

	private static final Duration WAIT = Duration.ofSeconds(10);

	private LambdaEmulator emulator;

	private StubRuntimeApi stub;

	private RuntimeLoop loop;

	private CompletableFuture<Integer> exit;

	@BeforeEach
	void startEmulator() {
		this.emulator = LambdaEmulator.start();
	}

	@AfterEach
	void stopEverything() throws Exception {
		if (this.loop != null) {
			this.loop.abort();
			this.exit.handle((status, failure) -> null).get(10, TimeUnit.SECONDS);
		}
		this.emulator.close();
		if (this.stub != null) {
			this.stub.close();
		}
		System.clearProperty(TRACE_PROPERTY);
		MDC.clear();
	}

	@Test
	void passesTheEventBytesToTheHandlerAndItsBytesBackUnchanged() throws Exception {
		AtomicReference<byte[]> received = new AtomicReference<>();
		run((invocation, context) -> {
			received.set(invocation.payload());
			return InvocationResponse.of("not JSON at all: \u00e9\u0000\u00ff".getBytes(StandardCharsets.UTF_8));
		});
		byte[] event = { '{', '"', 'k', '"', ':', '"', (byte) 0xc3, (byte) 0xa9, '"', '}' };
		InvocationResult result = result(this.emulator.invoke(event));
		assertThat(received.get()).isEqualTo(event);
		assertThat(result.isError()).isFalse();
		assertThat(result.errorType()).isNull();
		assertThat(result.payload()).isEqualTo("not JSON at all: \u00e9\u0000\u00ff".getBytes(StandardCharsets.UTF_8));
		assertThat(result.headers()).containsEntry("content-type", "application/json");
		// The emulator completes the result just before it records the exchange.
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.emulator.exchanges())
				.extracting(RecordedExchange::method, RecordedExchange::path, RecordedExchange::status)
				.containsExactly(tuple("GET", "/2018-06-01/runtime/invocation/next", 200),
						tuple("POST", "/2018-06-01/runtime/invocation/" + result.requestId() + "/response", 202)));
	}

	@Test
	void givesTheHandlerAContextMadeOfTheInvocationAndTheEnvironment() throws Exception {
		AtomicReference<String> seen = new AtomicReference<>();
		run((invocation, context) -> {
			Context current = new CurrentInvocationContext();
			seen.set(String.join("|", context.getAwsRequestId(), current.getAwsRequestId(),
					context.getInvokedFunctionArn(), context.getXrayTraceId(), context.getFunctionName(),
					String.valueOf(context.getMemoryLimitInMB()), context.getClientContext().getCustom().get("k"),
					context.getIdentity().getIdentityId(), context.getTenantId(),
					String.valueOf(context.getRemainingTimeInMillis() > 0)));
			return InvocationResponse.of(new byte[0]);
		});
		InvocationRequest request = InvocationRequest.builder("{}")
			.requestId("ctx-1")
			.traceId("Root=1-00000001-000000000000000000000001;Parent=0000000000000001;Sampled=1")
			.clientContext("{\"custom\":{\"k\":\"v\"}}")
			.cognitoIdentity("{\"cognitoIdentityId\":\"identity\"}")
			.tenantId("tenant-9")
			.invokedFunctionArn("arn:aws:lambda:us-east-1:000000000000:function:loop-function:prod")
			.build();
		assertThat(result(this.emulator.invoke(request)).isError()).isFalse();
		assertThat(seen.get()).isEqualTo("ctx-1|ctx-1|arn:aws:lambda:us-east-1:000000000000:function:loop-function:prod|"
				+ "Root=1-00000001-000000000000000000000001;Parent=0000000000000001;Sampled=1|loop-function|512|v|"
				+ "identity|tenant-9|true");
	}

	@Test
	void reportsAFunctionExceptionAsAUserErrorAndServesTheNextEvent() throws Exception {
		run((invocation, context) -> {
			if (text(invocation).contains("fail")) {
				throw new IllegalStateException("The order cannot be placed");
			}
			return InvocationResponse.of(invocation.payload());
		});
		InvocationResult failed = result(this.emulator.invoke("\"fail\""));
		assertThat(failed.isError()).isTrue();
		assertThat(failed.errorType()).isEqualTo("Runtime.UserException");
		assertThat(failed.headers()).containsEntry("lambda-runtime-function-error-type", "Runtime.UserException")
			.containsEntry("content-type", "application/json");
		JsonNode body = JsonMapper.shared().readTree(failed.payload());
		assertThat(body.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(body.get("errorMessage").asString()).isEqualTo("The order cannot be placed");
		assertThat(body.get("stackTrace")).isNotEmpty();
		assertThat(body.get("stackTrace").get(0).asString()).contains("RuntimeLoopTests");
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.emulator.exchanges()).extracting(RecordedExchange::path)
				.contains("/2018-06-01/runtime/invocation/" + failed.requestId() + "/error"));

		InvocationResult next = result(this.emulator.invoke("\"fine\""));
		assertThat(next.isError()).isFalse();
		assertThat(next.payloadAsString()).isEqualTo("\"fine\"");
	}

	@Test
	void reportsAFailureWhoseOwnMethodsFailAndServesTheNextEvent() throws Exception {
		run((invocation, context) -> {
			if (text(invocation).contains("fail")) {
				throw new IllegalStateException() {

					@Override
					public String getMessage() {
						throw new NullPointerException("message built lazily from a null");
					}

				};
			}
			return InvocationResponse.of(invocation.payload());
		});
		InvocationResult failed = result(this.emulator.invoke("\"fail\""));
		assertThat(failed.isError()).isTrue();
		assertThat(JsonMapper.shared().readTree(failed.payload()).get("errorMessage").asString())
			.isEqualTo("(message unavailable: java.lang.NullPointerException)");
		assertThat(result(this.emulator.invoke("\"fine\"")).payloadAsString()).isEqualTo("\"fine\"");
	}

	@Test
	void reportsAnInvalidEventAsAnUnmarshalErrorAndServesTheNextEvent() throws Exception {
		run((invocation, context) -> {
			if (text(invocation).startsWith("{")) {
				return InvocationResponse.of("\"ok\"".getBytes(StandardCharsets.UTF_8));
			}
			throw new InvalidEventException("The event is not an Order", new IllegalArgumentException("line 1"));
		});
		InvocationResult failed = result(this.emulator.invoke("[1,2]"));
		assertThat(failed.isError()).isTrue();
		assertThat(failed.errorType()).isEqualTo("Runtime.UnmarshalError");
		JsonNode body = JsonMapper.shared().readTree(failed.payload());
		assertThat(body.get("errorType").asString()).isEqualTo(InvalidEventException.class.getName());
		assertThat(body.get("errorMessage").asString()).isEqualTo("The event is not an Order");
		assertThat(body.get("cause").get("errorType").asString()).isEqualTo("java.lang.IllegalArgumentException");
		assertThat(result(this.emulator.invoke("{}")).payloadAsString()).isEqualTo("\"ok\"");
	}

	@Test
	void reportsAnInvalidResultAsAMarshalError() throws Exception {
		run((invocation, context) -> {
			throw new InvalidResultException("The result cannot be written as JSON", null);
		});
		InvocationResult failed = result(this.emulator.invoke("{}"));
		assertThat(failed.errorType()).isEqualTo("Runtime.MarshalError");
		assertThat(JsonMapper.shared().readTree(failed.payload()).get("errorType").asString())
			.isEqualTo(InvalidResultException.class.getName());
	}

	@Test
	void reportsAnAssertionErrorAndServesTheNextEvent() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		run((invocation, context) -> {
			if (calls.incrementAndGet() == 1) {
				throw new AssertionError("invariant broken");
			}
			return InvocationResponse.of("\"second\"".getBytes(StandardCharsets.UTF_8));
		});
		InvocationResult failed = result(this.emulator.invoke("1"));
		assertThat(failed.isError()).isTrue();
		assertThat(failed.errorType()).isEqualTo("Runtime.UserException");
		JsonNode body = JsonMapper.shared().readTree(failed.payload());
		assertThat(body.get("errorType").asString()).isEqualTo("java.lang.AssertionError");
		assertThat(body.get("errorMessage").asString()).isEqualTo("invariant broken");
		assertThat(result(this.emulator.invoke("2")).payloadAsString()).isEqualTo("\"second\"");
		assertThat(this.exit).isNotDone();
	}

	@Test
	void reportsAStackOverflowAndServesTheNextEvent() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		run((invocation, context) -> {
			if (calls.incrementAndGet() == 1) {
				return InvocationResponse.of(recurseForever(0));
			}
			return InvocationResponse.of("\"recovered\"".getBytes(StandardCharsets.UTF_8));
		});
		InvocationResult failed = result(this.emulator.invoke("1"));
		assertThat(failed.isError()).isTrue();
		JsonNode body = JsonMapper.shared().readTree(failed.payload());
		assertThat(body.get("errorType").asString()).isEqualTo("java.lang.StackOverflowError");
		assertThat(body.get("stackTrace").size()).isLessThanOrEqualTo(LambdaError.MAX_FRAMES);
		assertThat(result(this.emulator.invoke("2")).payloadAsString()).isEqualTo("\"recovered\"");
	}

	@Test
	void keepsServingWhenAHandlerLeavesItsThreadInterrupted() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		run((invocation, context) -> {
			if (calls.incrementAndGet() == 1) {
				Thread.currentThread().interrupt();
			}
			return InvocationResponse.of(invocation.payload());
		});
		assertThat(result(this.emulator.invoke("\"first\"")).payloadAsString()).isEqualTo("\"first\"");
		assertThat(result(this.emulator.invoke("\"second\"")).payloadAsString()).isEqualTo("\"second\"");
	}

	@Test
	void reportsAnOutOfMemoryErrorThenEndsWithFailure() throws Exception {
		run((invocation, context) -> {
			throw new OutOfMemoryError("Java heap space");
		});
		InvocationResult failed = result(this.emulator.invoke("{}"));
		assertThat(failed.isError()).isTrue();
		assertThat(failed.errorType()).isEqualTo("Runtime.UserException");
		JsonNode body = JsonMapper.shared().readTree(failed.payload());
		assertThat(body.get("errorType").asString()).isEqualTo("java.lang.OutOfMemoryError");
		assertThat(body.get("errorMessage").asString()).isEqualTo("Java heap space");
		assertThat(this.exit.get(10, TimeUnit.SECONDS)).isEqualTo(RuntimeLoop.FAILED);
	}

	@Test
	void endsWithFailurePromptlyWhenNextAnswersAContainerError() throws Exception {
		this.stub = StubRuntimeApi.start((request) -> Answer.status(500, "{\"errorType\":\"ContainerError\"}"));
		run(RuntimeApiClient.forAddress(this.stub.address()), (invocation, context) -> InvocationResponse.of(new byte[0]), InvocationMode.SINGLE);
		assertThat(exitWithin(Duration.ofSeconds(5))).isEqualTo(RuntimeLoop.FAILED);
		assertThat(this.stub.requests()).hasSize(1);
	}

	@Test
	void retriesAFailingNextWithBackoffInConcurrentModeThenServes() throws Exception {
		this.stub = StubRuntimeApi.start(Answerer.nextThen((number) -> (number <= 3)
				? Answer.status(500, "{\"errorType\":\"ContainerError\"}") : Answer.event("after-retries", "\"ok\"")));
		run(RuntimeApiClient.forAddress(this.stub.address()), (invocation, context) -> InvocationResponse.of(invocation.payload()),
				InvocationMode.CONCURRENT);
		await().atMost(WAIT)
			.until(() -> this.stub.requests().stream().anyMatch((request) -> request.rawPath().endsWith("/after-retries/response")));
		assertThat(this.exit).isNotDone();
		this.loop.stop();
		assertThat(exitWithin(Duration.ofSeconds(3))).isEqualTo(RuntimeLoop.STOPPED);
	}

	@Test
	void stopCutsABackoffShort() throws Exception {
		this.stub = StubRuntimeApi.start((request) -> Answer.status(500, "{}"));
		run(RuntimeApiClient.forAddress(this.stub.address()), (invocation, context) -> InvocationResponse.of(new byte[0]),
				InvocationMode.CONCURRENT);
		await().atMost(WAIT).until(() -> this.stub.requests().size() >= 3);
		this.loop.stop();
		assertThat(exitWithin(Duration.ofSeconds(3))).isEqualTo(RuntimeLoop.STOPPED);
	}

	@Test
	void endsWithFailurePromptlyWhenNextIsForbidden() throws Exception {
		this.stub = StubRuntimeApi.start((request) -> Answer.status(403, "{\"errorType\":\"Forbidden\"}"));
		run(RuntimeApiClient.forAddress(this.stub.address()), (invocation, context) -> InvocationResponse.of(new byte[0]), InvocationMode.SINGLE);
		assertThat(exitWithin(Duration.ofSeconds(5))).isEqualTo(RuntimeLoop.FAILED);
	}

	@Test
	void endsWithFailurePromptlyWhenNothingListensAtTheRuntimeApi() throws Exception {
		String address = this.emulator.runtimeApi();
		this.emulator.close();
		run(RuntimeApiClient.forAddress(address), (invocation, context) -> InvocationResponse.of(new byte[0]), InvocationMode.SINGLE);
		assertThat(exitWithin(Duration.ofSeconds(5))).isEqualTo(RuntimeLoop.FAILED);
	}

	@Test
	void endsWithFailureWhenTheRuntimeApiGoesAwayWhileItWaits() throws Exception {
		this.stub = StubRuntimeApi.start((request) -> null);
		run(RuntimeApiClient.forAddress(this.stub.address()), (invocation, context) -> InvocationResponse.of(new byte[0]), InvocationMode.SINGLE);
		this.stub.takeRequest();
		this.stub.close();
		assertThat(exitWithin(Duration.ofSeconds(5))).isEqualTo(RuntimeLoop.FAILED);
	}

	@Test
	void endsWithFailureWhenNextHandsOutAnInvocationWithoutRequestId() throws Exception {
		this.stub = StubRuntimeApi.start((request) -> new Answer(200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8)));
		AtomicInteger handled = new AtomicInteger();
		run(RuntimeApiClient.forAddress(this.stub.address()), (invocation, context) -> {
			handled.incrementAndGet();
			return InvocationResponse.of(new byte[0]);
		}, InvocationMode.SINGLE);
		assertThat(exitWithin(Duration.ofSeconds(5))).isEqualTo(RuntimeLoop.FAILED);
		assertThat(handled).hasValue(0);
	}

	@Test
	void reportsAResponseTheEmulatorRefusesAsTooLargeAndServesTheNextEvent() throws Exception {
		int tooLarge = 6 * 1024 * 1024 + 101;
		run((invocation, context) -> text(invocation).equals("\"big\"") ? InvocationResponse.of(new byte[tooLarge]) : InvocationResponse.of(invocation.payload()));
		InvocationResult failed = result(this.emulator.invoke("\"big\""));
		assertThat(failed.isError()).isTrue();
		assertThat(failed.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
		JsonNode body = JsonMapper.shared().readTree(failed.payload());
		assertThat(body.get("errorType").asString()).isEqualTo("Function.ResponseSizeTooLarge");
		assertThat(body.get("errorMessage").asString()).contains(Integer.toString(tooLarge));
		assertThat(this.emulator.exchanges()).extracting(RecordedExchange::path, RecordedExchange::status)
			.contains(tuple(
					"/2018-06-01/runtime/invocation/" + failed.requestId() + "/response", 413));
		assertThat(result(this.emulator.invoke("\"small\"")).payloadAsString()).isEqualTo("\"small\"");
	}

	@Test
	void postsNoErrorAfterTheResponseIsRefusedAsTooLargeAndServesTheNextEvent() throws Exception {
		// Lambda ends the invocation itself on a 413 and refuses a later error post for it
		this.stub = StubRuntimeApi.start((request) -> {
			if (request.isNext()) {
				return (request.nextNumber() == 1) ? Answer.event("id-413", "{}") : null;
			}
			return request.rawPath().endsWith("/response")
					? Answer.status(413, "{\"errorMessage\":\"Exceeded maximum allowed payload size\"}")
					: Answer.accepted();
		});
		run(RuntimeApiClient.forAddress(this.stub.address()), (invocation, context) -> InvocationResponse.of(new byte[100]), InvocationMode.SINGLE);
		this.stub.takeRequest(); // next
		Request response = this.stub.takeRequest();
		assertThat(response.rawPath()).isEqualTo("/2018-06-01/runtime/invocation/id-413/response");
		assertThat(this.stub.takeRequest().isNext()).as("the loop went on to the next event").isTrue();
		assertThat(this.exit).isNotDone();
	}

	@Test
	void goesOnWhenTheRuntimeApiRefusesAnAnswerAsABadRequest() throws Exception {
		this.stub = StubRuntimeApi.start((request) -> {
			if (request.isNext()) {
				return (request.nextNumber() <= 2) ? Answer.event("id-" + request.nextNumber(), "{}") : null;
			}
			return Answer.status(400, "{\"errorType\":\"InvalidRequestID\"}");
		});
		run(RuntimeApiClient.forAddress(this.stub.address()), (invocation, context) -> InvocationResponse.of(new byte[0]), InvocationMode.SINGLE);
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			paths.add(this.stub.takeRequest().rawPath());
		}
		assertThat(paths).containsExactly("/2018-06-01/runtime/invocation/next",
				"/2018-06-01/runtime/invocation/id-1/response", "/2018-06-01/runtime/invocation/next",
				"/2018-06-01/runtime/invocation/id-2/response", "/2018-06-01/runtime/invocation/next");
		assertThat(this.exit).isNotDone();
	}

	@Test
	void endsWithFailureWhenTheResponseMeetsAContainerError() throws Exception {
		this.stub = StubRuntimeApi.start((request) -> request.isNext() ? Answer.event("id-1", "{}")
				: Answer.status(500, "{\"errorType\":\"ContainerError\"}"));
		run(RuntimeApiClient.forAddress(this.stub.address()), (invocation, context) -> InvocationResponse.of(new byte[0]), InvocationMode.SINGLE);
		assertThat(exitWithin(Duration.ofSeconds(5))).isEqualTo(RuntimeLoop.FAILED);
		assertThat(this.stub.requests()).extracting(Request::rawPath)
			.containsExactly("/2018-06-01/runtime/invocation/next", "/2018-06-01/runtime/invocation/id-1/response");
	}

	@Test
	void endsWithFailureWhenAnErrorPostMeetsAContainerError() throws Exception {
		this.stub = StubRuntimeApi.start((request) -> request.isNext() ? Answer.event("id-1", "{}")
				: Answer.status(500, "{\"errorType\":\"ContainerError\"}"));
		run(RuntimeApiClient.forAddress(this.stub.address()), (invocation, context) -> {
			throw new IllegalStateException("boom");
		}, InvocationMode.SINGLE);
		assertThat(exitWithin(Duration.ofSeconds(5))).isEqualTo(RuntimeLoop.FAILED);
		assertThat(this.stub.requests()).extracting(Request::rawPath)
			.containsExactly("/2018-06-01/runtime/invocation/next", "/2018-06-01/runtime/invocation/id-1/error");
	}

	@Test
	void stopWhileBlockedOnNextReturnsStoppedWithinASecond() throws Exception {
		this.stub = StubRuntimeApi.start((request) -> null);
		run(RuntimeApiClient.forAddress(this.stub.address()), (invocation, context) -> InvocationResponse.of(new byte[0]), InvocationMode.SINGLE);
		this.stub.takeRequest(); // the loop now waits on next, which never answers
		long start = System.nanoTime();
		this.loop.stop();
		int status = exitWithin(Duration.ofSeconds(3));
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		System.out.println("stop() while blocked on next: run() returned in " + millis + " ms");
		assertThat(status).isEqualTo(RuntimeLoop.STOPPED);
	}

	@Test
	void stopWhileWaitingOnTheEmulatorReturnsStopped() throws Exception {
		run((invocation, context) -> InvocationResponse.of(invocation.payload()));
		assertThat(result(this.emulator.invoke("1")).payloadAsString()).isEqualTo("1");
		this.loop.stop();
		assertThat(exitWithin(Duration.ofSeconds(3))).isEqualTo(RuntimeLoop.STOPPED);
	}

	@Test
	void stopDuringAnInvocationAnswersItFirstThenReturnsStopped() throws Exception {
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		run((invocation, context) -> {
			entered.countDown();
			release.await(30, TimeUnit.SECONDS);
			return InvocationResponse.of("\"finished\"".getBytes(StandardCharsets.UTF_8));
		});
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
		this.loop.stop();
		release.countDown();
		assertThat(result(result).payloadAsString()).isEqualTo("\"finished\"");
		assertThat(exitWithin(Duration.ofSeconds(5))).isEqualTo(RuntimeLoop.STOPPED);
		assertThat(this.emulator.exchanges()).filteredOn((exchange) -> exchange.path().endsWith("/next")).hasSize(1);
	}

	@Test
	void abortDuringAnInvocationLeavesItUnansweredAndReturnsStopped() throws Exception {
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		run((invocation, context) -> {
			entered.countDown();
			release.await(30, TimeUnit.SECONDS);
			return InvocationResponse.of(new byte[0]);
		});
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
		this.loop.abort();
		release.countDown();
		assertThat(exitWithin(Duration.ofSeconds(5))).isEqualTo(RuntimeLoop.STOPPED);
		assertThat(result).isNotDone();
	}

	@Test
	void stopBeforeRunReturnsStoppedWithoutCallingTheRuntimeApi() throws Exception {
		this.stub = StubRuntimeApi.start((request) -> Answer.event("id", "{}"));
		RuntimeLoop early = new RuntimeLoop(RuntimeApiClient.forAddress(this.stub.address()),
				(invocation, context) -> InvocationResponse.of(new byte[0]), ENVIRONMENT, InvocationMode.SINGLE);
		early.stop();
		assertThat(early.run()).isEqualTo(RuntimeLoop.STOPPED);
		assertThat(this.stub.requests()).isEmpty();
	}

	@Test
	void bindsTheRequestIdAndTraceHeaderDuringTheInvocationAndClearsThemAfter() throws Exception {
		AtomicReference<String> mdc = new AtomicReference<>();
		AtomicReference<String> trace = new AtomicReference<>();
		AtomicReference<String> current = new AtomicReference<>();
		RuntimeLoop loop = new RuntimeLoop(RuntimeApiClient.forAddress(this.emulator.runtimeApi()),
				(invocation, context) -> {
					mdc.set(MDC.get("AWSRequestId"));
					trace.set(System.getProperty(TRACE_PROPERTY));
					current.set(new CurrentInvocationContext().getAwsRequestId());
					return InvocationResponse.of(new byte[0]);
				}, ENVIRONMENT, InvocationMode.SINGLE);
		String traceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
		CompletableFuture<InvocationResult> result = this.emulator
			.invoke(InvocationRequest.builder("{}").requestId("mdc-1").traceId(traceId).build());
		try {
			loop.invokeOnce(); // on this thread, so that what it leaves behind can be seen here
		}
		finally {
			loop.abort();
		}
		assertThat(result(result).isError()).isFalse();
		assertThat(mdc.get()).isEqualTo("mdc-1");
		assertThat(trace.get()).isEqualTo(traceId);
		assertThat(current.get()).isEqualTo("mdc-1");
		assertThat(MDC.get("AWSRequestId")).isNull();
		assertThat(System.getProperty(TRACE_PROPERTY)).isNull();
		assertThat(CurrentInvocation.context()).isNull();
	}

	@Test
	void clearsTheRequestIdAndTraceHeaderAfterAFailedInvocationToo() throws Exception {
		AtomicReference<String> trace = new AtomicReference<>();
		RuntimeLoop loop = new RuntimeLoop(RuntimeApiClient.forAddress(this.emulator.runtimeApi()),
				(invocation, context) -> {
					trace.set(System.getProperty(TRACE_PROPERTY));
					throw new IllegalArgumentException("bad");
				}, ENVIRONMENT, InvocationMode.SINGLE);
		CompletableFuture<InvocationResult> result = this.emulator
			.invoke(InvocationRequest.builder("{}").requestId("mdc-2").traceId("Root=1-abc").build());
		try {
			loop.invokeOnce();
		}
		finally {
			loop.abort();
		}
		assertThat(result(result).isError()).isTrue();
		assertThat(trace.get()).isEqualTo("Root=1-abc");
		assertThat(MDC.get("AWSRequestId")).isNull();
		assertThat(System.getProperty(TRACE_PROPERTY)).isNull();
		assertThat(CurrentInvocation.context()).isNull();
	}

	@Test
	void leavesTheJvmWideTraceHeaderAloneInConcurrentMode() throws Exception {
		AtomicReference<String> trace = new AtomicReference<>("unset");
		AtomicReference<String> perInvocation = new AtomicReference<>();
		run(RuntimeApiClient.forAddress(this.emulator.runtimeApi()), (invocation, context) -> {
			trace.set(System.getProperty(TRACE_PROPERTY));
			perInvocation.set(context.getXrayTraceId());
			return InvocationResponse.of(new byte[0]);
		}, InvocationMode.CONCURRENT);
		result(this.emulator.invoke(InvocationRequest.builder("{}").traceId("Root=1-def").build()));
		assertThat(trace.get()).isNull();
		assertThat(perInvocation.get()).isEqualTo("Root=1-def");
	}

	@Test
	void invokeOnceServesExactlyOneInvocation() throws Exception {
		RuntimeLoop loop = new RuntimeLoop(RuntimeApiClient.forAddress(this.emulator.runtimeApi()),
				(invocation, context) -> InvocationResponse.of(invocation.payload()), ENVIRONMENT, InvocationMode.SINGLE);
		CompletableFuture<InvocationResult> first = this.emulator.invoke("\"one\"");
		CompletableFuture<InvocationResult> second = this.emulator.invoke("\"two\"");
		try {
			loop.invokeOnce();
			assertThat(result(first).payloadAsString()).isEqualTo("\"one\"");
			assertThat(second).isNotDone();
		}
		finally {
			loop.abort();
		}
	}

	@Test
	void carriesARequestIdWithOddCharactersThroughEveryCall() throws Exception {
		run((invocation, context) -> {
			if (text(invocation).equals("\"fail\"")) {
				throw new IllegalStateException("odd");
			}
			return InvocationResponse.of(context.getAwsRequestId().getBytes(StandardCharsets.UTF_8));
		});
		String odd = "odd id/with?query#frag%25+plus \u00e9";
		InvocationResult ok = result(this.emulator.invoke(InvocationRequest.builder("\"ok\"").requestId(odd).build()));
		assertThat(ok.isError()).isFalse();
		assertThat(ok.payloadAsString()).isEqualTo(odd);
		InvocationResult failed = result(
				this.emulator.invoke(InvocationRequest.builder("\"fail\"").requestId(odd + "!").build()));
		assertThat(failed.isError()).isTrue();
		assertThat(failed.requestId()).isEqualTo(odd + "!");
	}

	@Test
	void answersEveryInvocationExactlyOnce() throws Exception {
		int count = 400; // two exchanges each, within the 1,000 the emulator keeps
		run((invocation, context) -> {
			int number = Integer.parseInt(text(invocation));
			if (number % 7 == 0) {
				throw new IllegalStateException("failure " + number);
			}
			return InvocationResponse.of(("\"" + number + "\"").getBytes(StandardCharsets.UTF_8));
		});
		List<CompletableFuture<InvocationResult>> results = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			results.add(this.emulator.invoke(Integer.toString(i)));
		}
		CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
		List<String> requestIds = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			InvocationResult result = results.get(i - 1).get();
			requestIds.add(result.requestId());
			if (i % 7 == 0) {
				assertThat(result.isError()).isTrue();
				assertThat(JsonMapper.shared().readTree(result.payload()).get("errorMessage").asString())
					.isEqualTo("failure " + i);
			}
			else {
				assertThat(result.payloadAsString()).isEqualTo("\"" + i + "\"");
			}
		}
		assertThat(this.emulator.refusedAnswers()).isZero();
		List<RecordedExchange> exchanges = this.emulator.exchanges();
		Map<String, List<String>> answersById = exchanges.stream()
			.map((exchange) -> ANSWER_PATH.matcher(exchange.path()))
			.filter(Matcher::matches)
			.collect(Collectors.groupingBy((matcher) -> matcher.group(1),
					Collectors.mapping((matcher) -> matcher.group(2), Collectors.toList())));
		assertThat(answersById).hasSize(count).containsOnlyKeys(requestIds);
		assertThat(answersById.values()).allSatisfy((answers) -> assertThat(answers).hasSize(1));
		assertThat(answersById.values().stream().filter((answers) -> answers.get(0).equals("error")))
			.hasSize(count / 7);
		assertThat(exchanges).filteredOn((exchange) -> exchange.path().endsWith("/next")).hasSize(count);
		assertThat(exchanges).allSatisfy((exchange) -> assertThat(exchange.status()).isIn(200, 202));
	}

	@Test
	void carriesASixMegabyteEventAndASixMegabyteResponse() throws Exception {
		int size = 6 * 1024 * 1024;
		byte[] event = new byte[size];
		Arrays.fill(event, (byte) 'e');
		event[0] = '"';
		event[size - 1] = '"';
		AtomicInteger received = new AtomicInteger();
		run((invocation, context) -> {
			received.set(invocation.payload().length);
			byte[] response = invocation.payload().clone();
			Arrays.fill(response, 1, size - 1, (byte) 'r');
			return InvocationResponse.of(response);
		});
		InvocationResult result = result(this.emulator.invoke(event));
		assertThat(received).hasValue(size);
		assertThat(result.isError()).isFalse();
		assertThat(result.payload()).hasSize(size);
		assertThat(result.payload()[0]).isEqualTo((byte) '"');
		assertThat(result.payload()[size / 2]).isEqualTo((byte) 'r');
		assertThat(result.payload()[size - 1]).isEqualTo((byte) '"');
	}

	private void run(InvocationHandler handler) {
		run(RuntimeApiClient.forAddress(this.emulator.runtimeApi()), handler, InvocationMode.SINGLE);
	}

	private void run(RuntimeApiClient client, InvocationHandler handler, InvocationMode mode) {
		this.loop = new RuntimeLoop(client, handler, ENVIRONMENT, mode);
		this.exit = new CompletableFuture<>();
		RuntimeLoop loop = this.loop;
		CompletableFuture<Integer> exit = this.exit;
		Thread thread = new Thread(() -> {
			try {
				exit.complete(loop.run());
			}
			catch (Throwable ex) {
				exit.completeExceptionally(ex);
			}
		}, "runtime-loop-under-test");
		thread.setDaemon(true);
		thread.start();
	}

	private int exitWithin(Duration timeout) throws Exception {
		return this.exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static InvocationResult result(CompletableFuture<InvocationResult> result) throws Exception {
		return result.get(30, TimeUnit.SECONDS);
	}

	private static String text(Invocation invocation) {
		return new String(invocation.payload(), StandardCharsets.UTF_8);
	}

	private static byte[] recurseForever(int depth) {
		return recurseForever(depth + 1);
	}

}
