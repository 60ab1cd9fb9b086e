package dev.lambdaruntime.emulator.runtimeapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a response a runtime streams reaches the invoker as it arrives: a hand-written
 * runtime posts a chunked response in streaming mode over a raw socket and holds back its second
 * chunk until the test, having seen the first reach the invoker, releases it.
 */
@Timeout(30)
class StreamingPassThroughTest {

	private static final String TRAILER_HEADER = "Trailer: Lambda-Runtime-Function-Error-Type, "
			+ "Lambda-Runtime-Function-Error-Body\r\n";

	private final LambdaEmulator emulator = LambdaEmulator.start();

	private final RuntimeClient runtime = new RuntimeClient(this.emulator);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final ExecutorService runtimeThread = Executors.newSingleThreadExecutor();

	private final CountDownLatch secondChunk = new CountDownLatch(1);

	@AfterEach
	void close() {
		this.secondChunk.countDown();
		this.runtimeThread.shutdownNow();
		this.emulator.close();
	}

	@Test
	void firstChunkReachesTheInvokerBeforeTheFunctionFinishes() throws Exception {
		CompletableFuture<HttpResponse<InputStream>> invoked = this.http.sendAsync(
				HttpRequest.newBuilder(URI.create(this.emulator.invokeUrl())).POST(BodyPublishers.ofString("{}"))
					.build(),
				BodyHandlers.ofInputStream());
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		CompletableFuture<String> runtimeAnswer = streamInTwoChunks(requestId, "first,", "second", "");

		HttpResponse<InputStream> response = invoked.get(RuntimeClient.WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
		assertThat(response.headers().firstValue("X-Amzn-Requestid")).hasValue(requestId);
		InputStream body = response.body();
		assertThat(new String(body.readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("first,");
		// The function is still held back: it has not finished, nor has its post been answered
		assertThat(runtimeAnswer).isNotDone();
		assertThat(this.emulator.exchanges()).noneMatch((exchange) -> exchange.path().endsWith("/response"));

		this.secondChunk.countDown();

		assertThat(new String(body.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("second");
		assertThat(runtimeAnswer).succeedsWithin(RuntimeClient.WAIT).asString().startsWith("HTTP/1.1 202");
		assertThat(this.emulator.exchanges()).filteredOn((exchange) -> exchange.path().endsWith("/response"))
			.singleElement()
			.satisfies((exchange) -> {
				assertThat(exchange.status()).isEqualTo(202);
				assertThat(exchange.bodyLength()).isEqualTo(12);
				assertThat(exchange.headers()).containsEntry("lambda-runtime-function-response-mode", "streaming");
			});
	}

	@Test
	void javaApiResultHoldsTheWholeStreamedBody() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		CompletableFuture<String> runtimeAnswer = streamInTwoChunks(requestId, "first,", "second", "");

		assertThat(result).isNotDone();
		this.secondChunk.countDown();

		assertThat(runtimeAnswer).succeedsWithin(RuntimeClient.WAIT).asString().startsWith("HTTP/1.1 202");
		assertThat(result).succeedsWithin(RuntimeClient.WAIT).satisfies((invocation) -> {
			assertThat(invocation.isError()).isFalse();
			assertThat(invocation.payloadAsString()).isEqualTo("first,second");
			assertThat(invocation.headers()).containsEntry("lambda-runtime-function-response-mode", "streaming");
		});
		assertThat(this.emulator.refusedAnswers()).isZero();
	}

	@Test
	void streamThatFailsMidwayEndsTheInvokersStreamAndTheInvocationAsAnError() throws Exception {
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());
		CompletableFuture<String> runtimeAnswer = streamInTwoChunks(requestId, "partial", null,
				"Lambda-Runtime-Function-Error-Type: Runtime.UserException\r\n"
						+ "Lambda-Runtime-Function-Error-Body: e30=\r\n");
		this.secondChunk.countDown();

		// The emulator answers, and closes the connection so the unread trailers are not a request
		assertThat(runtimeAnswer).succeedsWithin(RuntimeClient.WAIT).asString()
			.startsWith("HTTP/1.1 202")
			.containsIgnoringCase("connection: close");
		assertThat(result).succeedsWithin(RuntimeClient.WAIT).satisfies((invocation) -> {
			assertThat(invocation.isError()).isTrue();
			assertThat(invocation.errorType()).isEqualTo(InvocationAnswerEndpoint.STREAM_FAILED_ERROR_TYPE);
			assertThat(invocation.payloadAsString()).contains("after 7 bytes");
		});
	}

	@Test
	void streamedResponseForAnInvocationNotRunningIsRefused() throws Exception {
		CompletableFuture<String> runtimeAnswer = streamInTwoChunks("unknown-id", "first", "second", "");
		this.secondChunk.countDown();

		assertThat(runtimeAnswer).succeedsWithin(RuntimeClient.WAIT).asString().startsWith("HTTP/1.1 400");
		assertThat(this.emulator.refusedAnswers()).isEqualTo(1);
	}

	/**
	 * Plays a runtime that streams a response: sends the head and the first chunk, waits for the
	 * latch, sends the second chunk (if any) and the end of the body with the given trailers.
	 * @return the status line and headers of the emulator's answer
	 */
	private CompletableFuture<String> streamInTwoChunks(String requestId, String first, String second,
			String trailers) {
		return CompletableFuture.supplyAsync(() -> {
			try (Socket socket = new Socket("127.0.0.1", this.emulator.port())) {
				OutputStream out = socket.getOutputStream();
				write(out, "POST /2018-06-01/runtime/invocation/" + requestId + "/response HTTP/1.1\r\n"
						+ "Host: 127.0.0.1:" + this.emulator.port() + "\r\nContent-Type: text/plain\r\n"
						+ "Lambda-Runtime-Function-Response-Mode: streaming\r\nTransfer-Encoding: chunked\r\n"
						+ TRAILER_HEADER + "\r\n");
				write(out, chunk(first));
				if (!this.secondChunk.await(RuntimeClient.WAIT.toSeconds(), TimeUnit.SECONDS)) {
					throw new IllegalStateException("The test never released the second chunk");
				}
				if (second != null) {
					write(out, chunk(second));
				}
				write(out, "0\r\n" + trailers + "\r\n");
				return readHead(socket.getInputStream());
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}, this.runtimeThread);
	}

	private static String chunk(String text) {
		return Integer.toHexString(text.length()) + "\r\n" + text + "\r\n";
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private static String readHead(InputStream in) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
		StringBuilder head = new StringBuilder();
		for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
			head.append(line).append('\n');
		}
		return head.toString();
	}

}
