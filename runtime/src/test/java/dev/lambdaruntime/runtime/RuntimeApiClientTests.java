package dev.lambdaruntime.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.lambdaruntime.runtime.StubRuntimeApi.Answer;
import dev.lambdaruntime.runtime.StubRuntimeApi.Answerer;
import dev.lambdaruntime.runtime.StubRuntimeApi.Request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link RuntimeApiClient} against a scripted Runtime API.
 */
class RuntimeApiClientTests {

	private StubRuntimeApi stub;

	private RuntimeApiClient client;

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close();
		}
		if (this.stub != null) {
			this.stub.close();
		}
	}

	@Test
	void acceptsAnIpv6LiteralInBrackets() {
		assertThatNoException().isThrownBy(() -> RuntimeApiClient.forAddress("[::1]:9001").close());
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "localhost:", ":9001", "localhost:abc", "localhost:0", "localhost:65536",
			"localhost:-1", "", "/prefix", "https://localhost:9001", "[::1]" })
	void rejectsAnAddressThatIsNotHostAndPort(String address) {
		assertThatIllegalArgumentException().isThrownBy(() -> RuntimeApiClient.forAddress(address))
			.withMessageContaining("'" + address + "'");
	}

	@Test
	void callsNextOnTheGivenHostAndPort() throws Exception {
		start(Answerer.nextThen((n) -> Answer.event("req-1", "{}")));
		this.client.next();
		Request request = this.stub.takeRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.rawPath()).isEqualTo("/2018-06-01/runtime/invocation/next");
		assertThat(request.body()).isEmpty();
	}

	@Test
	void toleratesAnHttpSchemeAndSurroundingSpaces() throws Exception {
		this.stub = StubRuntimeApi.start(Answerer.nextThen((n) -> Answer.event("req-1", "{}")));
		this.client = RuntimeApiClient.forAddress("  http://" + this.stub.address() + "  ");
		assertThat(this.client.next().requestId()).isEqualTo("req-1");
	}

	@Test
	void putsAPathPrefixBeforeEveryPath() throws Exception {
		this.stub = StubRuntimeApi.start(Answerer.nextThen((n) -> Answer.event("req-1", "{}")));
		this.client = RuntimeApiClient.forAddress(this.stub.address() + "/MyFunction//");
		this.client.next();
		this.client.postResponse("req-1", new byte[0]);
		this.client.postError("req-1", LambdaError.of(LambdaError.USER_EXCEPTION, new RuntimeException()));
		this.client.postInitError(LambdaError.of(LambdaError.BAD_FUNCTION_CODE, new RuntimeException()));
		assertThat(this.stub.requests()).extracting(Request::rawPath)
			.containsExactly("/MyFunction/2018-06-01/runtime/invocation/next",
					"/MyFunction/2018-06-01/runtime/invocation/req-1/response",
					"/MyFunction/2018-06-01/runtime/invocation/req-1/error", "/MyFunction/2018-06-01/runtime/init/error");
	}

	@Test
	void readsTheInvocationFromTheNextAnswer() throws Exception {
		start((request) -> new Answer(200,
				Map.of("Lambda-Runtime-Aws-Request-Id", "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
						"Lambda-Runtime-Deadline-Ms", "1542409706888", "Lambda-Runtime-Invoked-Function-Arn",
						"arn:aws:lambda:us-east-2:123456789012:function:custom-runtime", "Lambda-Runtime-Trace-Id",
						"Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
						"Lambda-Runtime-Client-Context", "{\"custom\":{\"a\":\"b\"}}", "Lambda-Runtime-Cognito-Identity",
						"{\"cognitoIdentityId\":\"id\"}", "Lambda-Runtime-Aws-Tenant-Id", "tenant-1"),
				"{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8)));
		Invocation invocation = this.client.next();
		assertThat(invocation.requestId()).isEqualTo("8476a536-e9f4-11e8-9739-2dfe598c3fcd");
		assertThat(invocation.deadlineMillis()).isEqualTo(1542409706888L);
		assertThat(invocation.invokedFunctionArn())
			.isEqualTo("arn:aws:lambda:us-east-2:123456789012:function:custom-runtime");
		assertThat(invocation.traceId())
			.isEqualTo("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
		assertThat(invocation.clientContext()).isEqualTo("{\"custom\":{\"a\":\"b\"}}");
		assertThat(invocation.cognitoIdentity()).isEqualTo("{\"cognitoIdentityId\":\"id\"}");
		assertThat(invocation.tenantId()).isEqualTo("tenant-1");
		assertThat(new String(invocation.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":\"world\"}");
	}

	@Test
	void postsAResponseWithItsBytesUnchanged() throws Exception {
		start((request) -> Answer.accepted());
		byte[] body = { 0, 1, 2, (byte) 0xff, '"', '\n' };
		this.client.postResponse("req-1", body);
		Request request = this.stub.takeRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.rawPath()).isEqualTo("/2018-06-01/runtime/invocation/req-1/response");
		assertThat(request.body()).isEqualTo(body);
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
	}

	@Test
	void postsAnErrorWithItsCategoryHeaderAndJsonBody() throws Exception {
		start((request) -> Answer.accepted());
		this.client.postError("req-1",
				LambdaError.of(LambdaError.USER_EXCEPTION, new IllegalStateException("It broke")));
		Request request = this.stub.takeRequest();
		assertThat(request.rawPath()).isEqualTo("/2018-06-01/runtime/invocation/req-1/error");
		assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.UserException");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		JsonNode body = JsonMapper.shared().readTree(request.body());
		assertThat(body.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(body.get("errorMessage").asString()).isEqualTo("It broke");
	}

	@Test
	void postsAnInitError() throws Exception {
		start((request) -> Answer.accepted());
		this.client.postInitError(
				LambdaError.of(LambdaError.BAD_FUNCTION_CODE, new IllegalArgumentException("No function found")));
		Request request = this.stub.takeRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.rawPath()).isEqualTo("/2018-06-01/runtime/init/error");
		assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.BadFunctionCode");
		assertThat(JsonMapper.shared().readTree(request.body()).get("errorMessage").asString())
			.isEqualTo("No function found");
	}

	@Test
	void sendsOnlyPrintableAsciiInTheCategoryHeader() throws Exception {
		start((request) -> Answer.accepted());
		this.client.postError("req-1", LambdaError.of("Runtime.\u00dcnknown\r\nX-Injected: yes", "T", "m"));
		Request request = this.stub.takeRequest();
		assertThat(request.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime._nknown__X-Injected: yes");
		assertThat(request.headers()).doesNotContainKey("x-injected");
	}

	@Test
	void percentEncodesARequestIdWithOddCharactersInThePath() throws Exception {
		start((request) -> Answer.accepted());
		this.client.postResponse("a/b c?d#e%f\u00e9", new byte[0]);
		this.client.postError("../../init/error", LambdaError.of(LambdaError.USER_EXCEPTION, "T", "m"));
		assertThat(this.stub.requests()).extracting(Request::rawPath)
			.containsExactly("/2018-06-01/runtime/invocation/a%2Fb%20c%3Fd%23e%25f%C3%A9/response",
					"/2018-06-01/runtime/invocation/..%2F..%2Finit%2Ferror/error");
	}

	@Test
	void encodesADotSegmentRequestIdSoItStaysOneSegment() throws Exception {
		start((request) -> Answer.accepted());
		this.client.postResponse(".", new byte[0]);
		this.client.postError("..", LambdaError.of(LambdaError.USER_EXCEPTION, "T", "m"));
		assertThat(this.stub.requests()).extracting(Request::rawPath)
			.containsExactly("/2018-06-01/runtime/invocation/%2E/response", "/2018-06-01/runtime/invocation/%2E%2E/error");
		assertThat(PathSegment.encode("...")).as("only whole dot segments are special").isEqualTo("...");
	}

	@Test
	void answersANonAsciiRequestIdToTheSameId() throws Exception {
		String id = "r\u00e9q-\u4e2d";
		try (RawHttpPeer peer = new RawHttpPeer()) {
			this.client = RuntimeApiClient.forAddress("127.0.0.1:" + peer.port());
			CompletableFuture<Invocation> next = CompletableFuture.supplyAsync(this::nextQuietly);
			RawHttpPeer.Connection server = peer.accept();
			server.readRequest();
			server.write(("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: " + id + "\r\nContent-Length: 2\r\n\r\n{}")
				.getBytes(StandardCharsets.UTF_8));
			Invocation invocation = next.get(10, TimeUnit.SECONDS);
			assertThat(invocation.requestId()).isEqualTo(id);
			CompletableFuture<Void> answer = CompletableFuture
				.runAsync(() -> postQuietly(invocation.requestId()));
			String path = server.readRequest().requestLine().split(" ")[1];
			server.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
			answer.get(10, TimeUnit.SECONDS);
			assertThat(URLDecoder.decode(path, StandardCharsets.UTF_8))
				.isEqualTo("/2018-06-01/runtime/invocation/" + id + "/response");
		}
	}

	@Test
	void encodesLineBreaksInARequestIdSoTheyCannotInjectHeaders() throws Exception {
		start((request) -> Answer.accepted());
		this.client.postResponse("id\r\nX-Injected: yes\r\n\r\n", new byte[0]);
		Request request = this.stub.takeRequest();
		assertThat(request.rawPath()).isEqualTo("/2018-06-01/runtime/invocation/id%0D%0AX-Injected%3A%20yes%0D%0A%0D%0A/response");
		assertThat(request.headers()).doesNotContainKey("x-injected");
	}

	@Test
	void leavesAnOrdinaryRequestIdAsItIs() {
		assertThat(PathSegment.encode("8476a536-e9f4-11e8-9739-2dfe598c3fcd"))
			.isEqualTo("8476a536-e9f4-11e8-9739-2dfe598c3fcd");
		assertThat(PathSegment.encode("A.b_c~d")).isEqualTo("A.b_c~d");
		assertThat(PathSegment.encode("a+b")).isEqualTo("a%2Bb");
		assertThat(PathSegment.encode("a b")).isEqualTo("a%20b");
	}

	@Test
	void failsNextWithTheStatusOfAnErrorAnswer() throws Exception {
		start((request) -> Answer.status(403, "{\"errorMessage\":\"forbidden\"}"));
		assertThatExceptionOfType(RuntimeApiException.class).isThrownBy(this.client::next)
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(403))
			.withMessage("The Runtime API answered 403 to next invocation: {\"errorMessage\":\"forbidden\"}");
	}

	@Test
	void failsNextWithAContainerError() throws Exception {
		start((request) -> Answer.status(500, "{\"errorType\":\"ContainerError\"}"));
		assertThatExceptionOfType(RuntimeApiException.class).isThrownBy(this.client::next)
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(500));
	}

	@Test
	void failsNextWhenTheAnswerIsSuccessfulButNotOk() throws Exception {
		start((request) -> Answer.status(204, ""));
		assertThatExceptionOfType(RuntimeApiException.class).isThrownBy(this.client::next)
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(204));
	}

	@Test
	void failsAResponseWithTheStatusOfAnErrorAnswer() throws Exception {
		start((request) -> Answer.status(413, "{\"errorMessage\":\"Exceeded maximum allowed payload size\"}"));
		assertThatExceptionOfType(RuntimeApiException.class)
			.isThrownBy(() -> this.client.postResponse("req-1", new byte[10]))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(413))
			.withMessageStartingWith("The Runtime API answered 413 to invocation response: ")
			.withMessageContaining("Exceeded maximum allowed payload size");
	}

	@Test
	void failsAnErrorPostWithTheStatusOfAnErrorAnswer() throws Exception {
		start((request) -> Answer.status(400, "bad"));
		assertThatExceptionOfType(RuntimeApiException.class)
			.isThrownBy(() -> this.client.postError("req-1", LambdaError.of(LambdaError.USER_EXCEPTION, "T", "m")))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(400))
			.withMessage("The Runtime API answered 400 to invocation error: bad");
	}

	@Test
	void failsAnInitErrorPostWithTheStatusOfAnErrorAnswer() throws Exception {
		start((request) -> Answer.status(500, "gone"));
		assertThatExceptionOfType(RuntimeApiException.class)
			.isThrownBy(() -> this.client.postInitError(LambdaError.of(LambdaError.USER_EXCEPTION, "T", "m")))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(500))
			.withMessage("The Runtime API answered 500 to init error: gone");
	}

	@Test
	void quotesOnlyTheStartOfAHugeErrorAnswer() throws Exception {
		start((request) -> Answer.status(500, "e".repeat(100_000)));
		assertThatExceptionOfType(RuntimeApiException.class).isThrownBy(this.client::next)
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(700));
	}

	@Test
	void acceptsAnySuccessfulAnswerToAPost() throws Exception {
		start((request) -> Answer.status(200, ""));
		this.client.postResponse("req-1", new byte[0]);
		assertThat(this.stub.requests()).hasSize(1);
	}

	@Test
	void failsNextWhenTheAnswerHasNoRequestId() throws Exception {
		start((request) -> new Answer(200, Map.of("Lambda-Runtime-Deadline-Ms", "1"), "{}".getBytes()));
		assertThatExceptionOfType(RuntimeApiException.class).isThrownBy(this.client::next)
			.withMessageContaining("without a Lambda-Runtime-Aws-Request-Id header");
	}

	@Test
	void failsNextWhenTheAnswerHasABlankRequestId() throws Exception {
		start((request) -> new Answer(200, Map.of("Lambda-Runtime-Aws-Request-Id", "  "), "{}".getBytes()));
		assertThatExceptionOfType(RuntimeApiException.class).isThrownBy(this.client::next)
			.withMessageContaining("Lambda-Runtime-Aws-Request-Id");
	}

	@Test
	void usesOneConnectionForAllCalls() throws Exception {
		start(Answerer.nextThen((n) -> Answer.event("req-" + n, "{}")));
		for (int i = 1; i <= 5; i++) {
			Invocation invocation = this.client.next();
			this.client.postResponse(invocation.requestId(), "{}".getBytes());
		}
		assertThat(this.stub.requests()).hasSize(10).extracting(Request::remotePort).containsOnly(
				this.stub.requests().get(0).remotePort());
	}

	@Test
	void closeReleasesANextCallBlockedInAnotherThread() throws Exception {
		start((request) -> null);
		CompletableFuture<Invocation> next = CompletableFuture.supplyAsync(this::nextQuietly,
				(task) -> new Thread(task, "blocked-next").start());
		this.stub.takeRequest();
		long start = System.nanoTime();
		this.client.close();
		assertThat(next).failsWithin(Duration.ofSeconds(3))
			.withThrowableOfType(ExecutionException.class)
			.withRootCauseInstanceOf(IOException.class);
		System.out.println("close() released a blocked next in "
				+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
	}

	@Test
	void failsAConnectionRefusalWithAnIoException() throws Exception {
		StubRuntimeApi gone = StubRuntimeApi.start((request) -> Answer.accepted());
		String address = gone.address();
		gone.close();
		this.client = RuntimeApiClient.forAddress(address);
		assertThatExceptionOfType(IOException.class).isThrownBy(this.client::next)
			.isNotInstanceOf(RuntimeApiException.class);
	}

	private Invocation nextQuietly() {
		try {
			return this.client.next();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void postQuietly(String requestId) {
		try {
			this.client.postResponse(requestId, new byte[0]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void start(Answerer answerer) throws IOException {
		this.stub = StubRuntimeApi.start(answerer);
		this.client = RuntimeApiClient.forAddress(this.stub.address());
	}

}
