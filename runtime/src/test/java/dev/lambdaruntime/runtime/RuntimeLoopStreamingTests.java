package dev.lambdaruntime.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.lambdaruntime.runtime.RawHttpPeer.Connection;
import dev.lambdaruntime.runtime.RawHttpPeer.Request;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of response streaming on the wire, against a hand-driven Runtime API that reads each
 * chunk as it arrives.
 */
class RuntimeLoopStreamingTests {

	private static final LambdaEnvironment ENVIRONMENT = new LambdaEnvironment("streaming", "1", 512, null, null);

	private RawHttpPeer peer;

	@BeforeEach
	void startPeer() throws Exception {
		this.peer = new RawHttpPeer();
	}

	@AfterEach
	void stopPeer() throws Exception {
		this.peer.close();
	}

	@Test
	void firstChunksReachTheRuntimeApiBeforeTheFunctionFinishes() throws Exception {
		CountDownLatch firstChunkSeen = new CountDownLatch(1);
		CompletableFuture<Void> served = serveOnce((invocation, context) -> InvocationResponse.streamed("text/plain",
				(body) -> {
					body.write("first ".getBytes(StandardCharsets.UTF_8));
					body.flush();
					assertThat(firstChunkSeen.await(10, TimeUnit.SECONDS)).isTrue();
					body.write("second".getBytes(StandardCharsets.UTF_8));
				}));
		Connection connection = handOutEvent("stream-1");
		Request post = connection.readRequestHead();
		assertThat(post.requestLine()).isEqualTo("POST /2018-06-01/runtime/invocation/stream-1/response HTTP/1.1");
		assertThat(post.header("Lambda-Runtime-Function-Response-Mode")).isEqualTo("streaming");
		assertThat(post.header("Transfer-Encoding")).isEqualTo("chunked");
		assertThat(post.header("Content-Type")).isEqualTo("text/plain");
		assertThat(post.header("Trailer"))
			.isEqualTo("Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body");
		assertThat(post.header("Content-Length")).isNull();
		assertThat(new String(connection.readChunk(), StandardCharsets.UTF_8)).isEqualTo("first ");
		assertThat(served).isNotDone();
		firstChunkSeen.countDown();
		assertThat(new String(connection.readChunk(), StandardCharsets.UTF_8)).isEqualTo("second");
		assertThat(connection.readChunk()).isEmpty();
		assertThat(connection.readTrailers()).isEmpty();
		connection.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
		served.get(10, TimeUnit.SECONDS);
	}

	@Test
	void failureAfterTheFirstChunkIsSentInTrailers() throws Exception {
		CompletableFuture<Void> served = serveOnce((invocation, context) -> InvocationResponse.streamed("text/plain",
				(body) -> {
					body.write("partial".getBytes(StandardCharsets.UTF_8));
					body.flush();
					throw new IllegalStateException("broke midway");
				}));
		Connection connection = handOutEvent("stream-2");
		connection.readRequestHead();
		assertThat(new String(connection.readChunk(), StandardCharsets.UTF_8)).isEqualTo("partial");
		assertThat(connection.readChunk()).isEmpty();
		List<String> trailers = connection.readTrailers();
		assertThat(trailers).contains("Lambda-Runtime-Function-Error-Type: Runtime.UserException");
		String encoded = trailers.stream()
			.filter((line) -> line.startsWith("Lambda-Runtime-Function-Error-Body: "))
			.map((line) -> line.substring("Lambda-Runtime-Function-Error-Body: ".length()))
			.findFirst()
			.orElseThrow();
		JsonNode error = JsonMapper.shared().readTree(Base64.getDecoder().decode(encoded));
		assertThat(error.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(error.get("errorMessage").asString()).isEqualTo("broke midway");
		connection.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
		served.get(10, TimeUnit.SECONDS);
	}

	@Test
	void failureBeforeTheFirstByteIsAnOrdinaryError() throws Exception {
		CompletableFuture<Void> served = serveOnce((invocation, context) -> InvocationResponse.streamed("text/plain",
				(body) -> {
					throw new IllegalArgumentException("nothing to stream");
				}));
		Connection connection = handOutEvent("stream-3");
		Request post = connection.readRequest();
		assertThat(post.requestLine()).isEqualTo("POST /2018-06-01/runtime/invocation/stream-3/error HTTP/1.1");
		assertThat(post.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.UserException");
		assertThat(post.bodyText()).contains("\"errorType\":\"java.lang.IllegalArgumentException\"");
		connection.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
		served.get(10, TimeUnit.SECONDS);
	}

	@Test
	void httpIntegrationResponseSendsItsPreludeThenEightNulBytesThenTheBody() throws Exception {
		HttpIntegrationResponse http = new HttpIntegrationResponse(201, Map.of("X-Kind", "demo"), List.of("a=1"),
				(body) -> body.write("<p>hi</p>".getBytes(StandardCharsets.UTF_8)));
		CompletableFuture<Void> served = serveOnce((invocation, context) -> http.toInvocationResponse());
		Connection connection = handOutEvent("stream-4");
		Request post = connection.readRequestHead();
		assertThat(post.header("Content-Type")).isEqualTo("application/vnd.awslambda.http-integration-response");
		byte[] prelude = connection.readChunk();
		String text = new String(prelude, StandardCharsets.UTF_8);
		assertThat(text).startsWith("{\"statusCode\":201,\"headers\":{\"X-Kind\":\"demo\"},\"cookies\":[\"a=1\"]}")
			.endsWith("\0\0\0\0\0\0\0\0");
		assertThat(new String(connection.readChunk(), StandardCharsets.UTF_8)).isEqualTo("<p>hi</p>");
		assertThat(connection.readChunk()).isEmpty();
		connection.readTrailers();
		connection.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
		served.get(10, TimeUnit.SECONDS);
	}

	@Test
	void streamsOnANewConnectionWhenTheServerClosedTheIdleOneWhileTheFunctionWaited() throws Exception {
		CountDownLatch idleClosed = new CountDownLatch(1);
		CompletableFuture<Void> served = serveOnce((invocation, context) -> InvocationResponse.streamed("text/plain",
				(body) -> {
					assertThat(idleClosed.await(10, TimeUnit.SECONDS)).isTrue();
					body.write("after a long wait".getBytes(StandardCharsets.UTF_8));
				}));
		handOutEvent("stream-5").close();
		idleClosed.countDown();
		Connection fresh = this.peer.accept();
		Request post = fresh.readRequestHead();
		assertThat(post.requestLine()).isEqualTo("POST /2018-06-01/runtime/invocation/stream-5/response HTTP/1.1");
		assertThat(new String(fresh.readChunk(), StandardCharsets.UTF_8)).isEqualTo("after a long wait");
		assertThat(fresh.readChunk()).isEmpty();
		fresh.readTrailers();
		fresh.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
		served.get(10, TimeUnit.SECONDS);
	}

	private CompletableFuture<Void> serveOnce(InvocationHandler handler) {
		RuntimeLoop loop = new RuntimeLoop(RuntimeApiClient.forAddress("127.0.0.1:" + this.peer.port()), handler,
				ENVIRONMENT, InvocationMode.SINGLE);
		return CompletableFuture.runAsync(() -> {
			try {
				loop.invokeOnce();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private Connection handOutEvent(String requestId) throws Exception {
		Connection connection = this.peer.accept();
		assertThat(connection.readRequest().requestLine()).isEqualTo("GET /2018-06-01/runtime/invocation/next HTTP/1.1");
		connection.write("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: " + requestId
				+ "\r\nLambda-Runtime-Deadline-Ms: 0\r\nContent-Length: 2\r\n\r\n{}");
		return connection;
	}

}
