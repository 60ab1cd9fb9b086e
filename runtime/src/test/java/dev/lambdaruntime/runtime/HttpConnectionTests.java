package dev.lambdaruntime.runtime;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.lambdaruntime.runtime.RawHttpPeer.Connection;
import dev.lambdaruntime.runtime.RawHttpPeer.Request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link HttpConnection} against a hand-driven raw socket peer.
 */
class HttpConnectionTests {

	private static final String[] NO_HEADERS = {};

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private RawHttpPeer peer;

	private HttpConnection connection;

	@BeforeEach
	void start() throws IOException {
		this.peer = new RawHttpPeer();
		this.connection = new HttpConnection("127.0.0.1", this.peer.port());
	}

	@AfterEach
	void stop() throws IOException {
		this.connection.close();
		this.peer.close();
		this.executor.shutdownNow();
	}

	@Test
	void aPostTheServerNeverAnswersFailsAfterTheAnswerTimeoutInsteadOfHanging() throws Exception {
		try (HttpConnection impatient = new HttpConnection("127.0.0.1", this.peer.port(), Duration.ofMillis(300))) {
			CompletableFuture<HttpResponse> post = exchange(impatient, "POST", "/response", bytes("answer"));
			Connection server = this.peer.accept();
			assertThat(server.readRequest().requestLine()).isEqualTo("POST /response HTTP/1.1");

			assertThat(post).failsWithin(WAIT)
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOf(SocketTimeoutException.class)
				.withMessage("The Runtime API did not answer a POST within 300 ms");
			assertThat(server.clientClosed()).as("the client hung up rather than send the answer again").isTrue();
		}
	}

	@Test
	void theLongPollingGetWaitsForItsAnswerBeyondTheAnswerTimeout() throws Exception {
		try (HttpConnection impatient = new HttpConnection("127.0.0.1", this.peer.port(), Duration.ofMillis(100))) {
			CompletableFuture<HttpResponse> next = exchange(impatient, "GET", "/next", null);
			Connection server = this.peer.accept();
			server.readRequest();
			await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> !next.isDone());

			server.respond("event");
			assertThat(text(next.get(10, TimeUnit.SECONDS))).isEqualTo("event");
		}
	}

	@Test
	void keepAliveServesSeveralExchangesOverOneSocket() throws Exception {
		CompletableFuture<HttpResponse> first = exchange("GET", "/first", null);
		Connection server = this.peer.accept();
		assertThat(server.readRequest().requestLine()).isEqualTo("GET /first HTTP/1.1");
		server.respond("one");
		assertThat(text(first.get(10, TimeUnit.SECONDS))).isEqualTo("one");
		for (int i = 2; i <= 5; i++) {
			CompletableFuture<HttpResponse> next = exchange("GET", "/call-" + i, null);
			// Read on the same accepted socket: a new connection would leave this read waiting.
			assertThat(server.readRequest().requestLine()).isEqualTo("GET /call-" + i + " HTTP/1.1");
			server.respond("answer " + i);
			assertThat(text(next.get(10, TimeUnit.SECONDS))).isEqualTo("answer " + i);
		}
	}

	@Test
	void reconnectsTransparentlyWhenTheServerClosedAnIdleConnection() throws Exception {
		CompletableFuture<HttpResponse> first = exchange("GET", "/first", null);
		Connection idle = this.peer.accept();
		idle.readRequest();
		idle.respond("one");
		assertThat(text(first.get(10, TimeUnit.SECONDS))).isEqualTo("one");
		idle.close();

		CompletableFuture<HttpResponse> second = exchange("POST", "/second", bytes("payload"));
		Connection fresh = this.peer.accept();
		Request request = fresh.readRequest();
		assertThat(request.requestLine()).isEqualTo("POST /second HTTP/1.1");
		assertThat(request.bodyText()).isEqualTo("payload");
		fresh.respond("two");
		assertThat(text(second.get(10, TimeUnit.SECONDS))).isEqualTo("two");
	}

	@Test
	void opensANewConnectionAfterAResponseThatAsksToClose() throws Exception {
		CompletableFuture<HttpResponse> first = exchange("GET", "/first", null);
		Connection closing = this.peer.accept();
		closing.readRequest();
		closing.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 3\r\n\r\none");
		assertThat(text(first.get(10, TimeUnit.SECONDS))).isEqualTo("one");
		assertThat(closing.clientClosed()).as("the client hung up after a Connection: close answer").isTrue();

		CompletableFuture<HttpResponse> second = exchange("GET", "/second", null);
		Connection fresh = this.peer.accept();
		assertThat(fresh.readRequest().requestLine()).isEqualTo("GET /second HTTP/1.1");
		fresh.respond("two");
		assertThat(text(second.get(10, TimeUnit.SECONDS))).isEqualTo("two");
	}

	@Test
	void doesNotResendARequestWhoseResponseWasCutShort() throws Exception {
		CompletableFuture<HttpResponse> first = exchange("GET", "/first", null);
		Connection server = this.peer.accept();
		server.readRequest();
		server.respond("one");
		first.get(10, TimeUnit.SECONDS);

		CompletableFuture<HttpResponse> second = exchange("POST", "/second", bytes("once"));
		server.readRequest();
		// A resend would now meet a refused connection instead of the cut-short answer's EOF.
		this.peer.stopListening();
		server.write("HTTP/1.1 202 Accepted\r\nContent-Length: 10\r\n\r\nabc");
		server.close();
		assertThat(second).failsWithin(WAIT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(EOFException.class)
			.withMessage("Connection closed in the middle of an HTTP body");
	}

	@Test
	void opensANewConnectionRatherThanSendOnOneTheServerClosedWhileIdle() throws Exception {
		Connection idle = serveFirstExchange();
		idle.shutdownOutput(); // the server is done with it, though it could still read

		CompletableFuture<HttpResponse> second = exchange("POST", "/second", bytes("answer"));
		Connection fresh = this.peer.accept();
		assertThat(fresh.readRequest().bodyText()).isEqualTo("answer");
		fresh.respond("two");
		assertThat(text(second.get(10, TimeUnit.SECONDS))).isEqualTo("two");
		assertThat(idle.clientClosed()).as("nothing was sent on the closed connection").isTrue();
	}

	@Test
	void opensANewConnectionWhenTheIdleOneWasReset() throws Exception {
		serveFirstExchange().reset();

		CompletableFuture<HttpResponse> second = exchange("POST", "/second", bytes("answer"));
		Connection fresh = this.peer.accept();
		assertThat(fresh.readRequest().bodyText()).isEqualTo("answer");
		fresh.respond("two");
		assertThat(text(second.get(10, TimeUnit.SECONDS))).isEqualTo("two");
	}

	@Test
	void dropsBytesLeftOverAfterAResponseRatherThanReadThemAsTheNextAnswer() throws Exception {
		CompletableFuture<HttpResponse> first = exchange("GET", "/first", null);
		Connection server = this.peer.accept();
		server.readRequest();
		server.write("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none" + "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
		assertThat(text(first.get(10, TimeUnit.SECONDS))).isEqualTo("one");

		CompletableFuture<HttpResponse> second = exchange("POST", "/second", bytes("answer"));
		Connection fresh = this.peer.accept();
		assertThat(fresh.readRequest().bodyText()).isEqualTo("answer");
		assertThat(second).as("the left-over 202 is no answer to this request").isNotDone();
		fresh.respond("two");
		assertThat(text(second.get(10, TimeUnit.SECONDS))).isEqualTo("two");
	}

	@Test
	void dropsBytesThatArriveUnaskedWhileTheConnectionIsIdle() throws Exception {
		Connection server = serveFirstExchange();
		server.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");

		CompletableFuture<HttpResponse> second = exchange("POST", "/second", bytes("answer"));
		Connection fresh = this.peer.accept();
		assertThat(fresh.readRequest().bodyText()).isEqualTo("answer");
		fresh.respond("two");
		assertThat(text(second.get(10, TimeUnit.SECONDS))).isEqualTo("two");
	}

	@ParameterizedTest
	@EnumSource(HangUp.class)
	void neverPostsAgainWhenTheServerHangsUpAfterReadingTheWholeRequest(HangUp hangUp) throws Exception {
		Connection server = serveFirstExchange();
		CompletableFuture<HttpResponse> second = exchange("POST", "/answer", bytes("once"));
		assertThat(server.readRequest().bodyText()).isEqualTo("once");
		// A repost would now meet a refused connection instead of this hang-up.
		this.peer.stopListening();
		hangUp.on(server);
		assertThat(second).failsWithin(WAIT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(IOException.class)
			.isNotInstanceOf(ConnectException.class);
	}

	@Test
	void sendsAGetAgainWhenTheServerClosesTheConnectionWithoutAnswer() throws Exception {
		Connection server = serveFirstExchange();
		CompletableFuture<HttpResponse> next = exchange("GET", "/next", null);
		server.readRequest();
		server.close();
		Connection fresh = this.peer.accept();
		assertThat(fresh.readRequest().requestLine()).isEqualTo("GET /next HTTP/1.1");
		fresh.respond("event");
		assertThat(text(next.get(10, TimeUnit.SECONDS))).isEqualTo("event");
	}

	@Test
	void streamsOnANewConnectionWhenTheServerClosedTheIdleOneBeforeTheFirstBytes() throws Exception {
		Connection idle = serveFirstExchange();
		ChunkedRequestBody body = this.connection.openChunked("POST", "/stream", NO_HEADERS);
		idle.shutdownOutput();
		CompletableFuture<HttpResponse> streamed = CompletableFuture.supplyAsync(() -> {
			try {
				body.write(bytes("late"));
				body.flush();
				return body.finish(NO_HEADERS);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, this.executor);
		Connection fresh = this.peer.accept();
		assertThat(fresh.readRequestHead().header("Transfer-Encoding")).isEqualTo("chunked");
		assertThat(fresh.readChunk()).isEqualTo(bytes("late"));
		assertThat(fresh.readChunk()).isEmpty();
		fresh.readTrailers();
		fresh.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
		assertThat(streamed.get(10, TimeUnit.SECONDS).status()).isEqualTo(202);
		assertThat(idle.clientClosed()).as("nothing was sent on the closed connection").isTrue();
	}

	@Test
	void keepsAPendingInterruptOfTheCallerAndStillExchanges() throws Exception {
		CompletableFuture<HttpResponse> interrupted = new CompletableFuture<>();
		CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
		this.executor.execute(() -> {
			Thread.currentThread().interrupt();
			try {
				interrupted.complete(this.connection.exchange("GET", "/first", NO_HEADERS, null));
			}
			catch (Throwable ex) {
				interrupted.completeExceptionally(ex);
			}
			stillInterrupted.complete(Thread.interrupted());
		});
		Connection server = this.peer.accept();
		server.readRequest();
		server.respond("one");
		assertThat(text(interrupted.get(10, TimeUnit.SECONDS))).isEqualTo("one");
		assertThat(stillInterrupted.get(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void doesNotRetryOnAFreshConnectionThatGotNoAnswer() throws Exception {
		CompletableFuture<HttpResponse> first = exchange("GET", "/next", null);
		Connection server = this.peer.accept();
		server.readRequest();
		this.peer.stopListening();
		server.close();
		assertThat(first).failsWithin(WAIT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(IOException.class)
			.isNotInstanceOf(ConnectException.class);
	}

	@Test
	void closeFromAnotherThreadReleasesABlockedExchangeAtOnce() throws Exception {
		CompletableFuture<HttpResponse> blocked = exchange("GET", "/2018-06-01/runtime/invocation/next", null);
		Connection server = this.peer.accept();
		server.readRequest(); // the client now waits for an answer that never comes
		assertThat(blocked).isNotDone();

		long start = System.nanoTime();
		this.connection.close();
		assertThat(blocked).failsWithin(Duration.ofSeconds(3))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(IOException.class);
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		System.out.println("close() released a blocked exchange in " + millis + " ms");
		assertThat(server.clientClosed()).isTrue();
	}

	@Test
	void exchangesAfterCloseFailWithoutConnecting() throws Exception {
		this.connection.close();
		assertThatExceptionOfType(SocketException.class)
			.isThrownBy(() -> this.connection.exchange("GET", "/next", NO_HEADERS, null))
			.withMessage("Connection closed");
	}

	@Test
	void exchangesAfterCloseOfAnOpenConnectionFailWithoutReconnecting() throws Exception {
		CompletableFuture<HttpResponse> first = exchange("GET", "/first", null);
		Connection server = this.peer.accept();
		server.readRequest();
		server.respond("one");
		first.get(10, TimeUnit.SECONDS);
		this.connection.close();
		assertThatExceptionOfType(SocketException.class)
			.isThrownBy(() -> this.connection.exchange("GET", "/second", NO_HEADERS, null))
			.withMessage("Connection closed");
		assertThat(server.clientClosed()).isTrue();
	}

	@Test
	void failsWhenNothingListens() throws Exception {
		this.peer.stopListening();
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> this.connection.exchange("GET", "/next", NO_HEADERS, null));
	}

	@Test
	void writesAWellFormedRequestWithHostContentLengthAndBody() throws Exception {
		byte[] body = bytes("{\"message\":\"h\u00e9llo\"}");
		CompletableFuture<HttpResponse> response = exchange("POST",
				"/2018-06-01/runtime/invocation/abc/response", body, "Content-Type", "application/json");
		Request request = this.peer.accept().readRequest();
		assertThat(request.requestLine()).isEqualTo("POST /2018-06-01/runtime/invocation/abc/response HTTP/1.1");
		assertThat(request.headerLines()).containsExactlyInAnyOrder("Host: 127.0.0.1:" + this.peer.port(),
				"Content-Type: application/json", "Content-Length: " + body.length);
		assertThat(request.body()).isEqualTo(body);
		assertThat(request.rawText()).as("head ends with an empty line, then exactly the body")
			.endsWith("\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1));
		assertThat(response).isNotDone();
	}

	@Test
	void writesARequestWithoutBodyAsHeadOnly() throws Exception {
		exchange("GET", "/2018-06-01/runtime/invocation/next", null);
		Request request = this.peer.accept().readRequest();
		assertThat(request.rawText()).isEqualTo(
				"GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: 127.0.0.1:" + this.peer.port() + "\r\n\r\n");
	}

	@Test
	void writesAnEmptyBodyWithAZeroContentLength() throws Exception {
		exchange("POST", "/empty", new byte[0]);
		Request request = this.peer.accept().readRequest();
		assertThat(request.headerLines()).contains("Content-Length: 0");
		assertThat(request.rawText()).endsWith("\r\n\r\n");
	}

	@Test
	void carriesALargeBinaryBodyBothWaysUnchanged() throws Exception {
		byte[] body = new byte[1_500_000];
		new Random(42).nextBytes(body);
		CompletableFuture<HttpResponse> response = exchange("POST", "/echo", body);
		Connection server = this.peer.accept();
		Request request = server.readRequest();
		assertThat(request.body()).isEqualTo(body);
		server.write("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n");
		server.write(body);
		assertThat(response.get(10, TimeUnit.SECONDS).body()).isEqualTo(body);
	}

	@Test
	void answersTheStatusAndHeadersOfAnErrorResponse() throws Exception {
		CompletableFuture<HttpResponse> response = exchange("GET", "/next", null);
		Connection server = this.peer.accept();
		server.readRequest();
		server.write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nboom");
		HttpResponse answer = response.get(10, TimeUnit.SECONDS);
		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.isSuccessful()).isFalse();
		assertThat(answer.header("Content-Type")).isEqualTo("text/plain");
		assertThat(text(answer)).isEqualTo("boom");
	}

	/** How a server drops a connection. */
	enum HangUp {

		CLOSE, RESET;

		void on(Connection connection) throws IOException {
			if (this == CLOSE) {
				connection.close();
			}
			else {
				connection.reset();
			}
		}

	}

	/** Serves one GET on a new connection and returns that connection, idle now. */
	private Connection serveFirstExchange() throws Exception {
		CompletableFuture<HttpResponse> first = exchange("GET", "/first", null);
		Connection server = this.peer.accept();
		server.readRequest();
		server.respond("one");
		assertThat(text(first.get(10, TimeUnit.SECONDS))).isEqualTo("one");
		return server;
	}

	private CompletableFuture<HttpResponse> exchange(String method, String path, byte[] body, String... headers) {
		return exchange(this.connection, method, path, body, headers);
	}

	private CompletableFuture<HttpResponse> exchange(HttpConnection connection, String method, String path,
			byte[] body, String... headers) {
		CompletableFuture<HttpResponse> future = new CompletableFuture<>();
		this.executor.execute(() -> {
			try {
				future.complete(connection.exchange(method, path, headers, body));
			}
			catch (Throwable ex) {
				future.completeExceptionally(ex);
			}
		});
		return future;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(HttpResponse response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

}
