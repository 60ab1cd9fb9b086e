package dev.lambdaruntime.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.InvokeClient;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
@ExtendWith(OutputCaptureExtension.class)
class RequestGuardTest {

	/** One request line for each of the emulator's APIs: Runtime API, Invoke API, page, history. */
	private static final List<String> EVERY_PATH = List.of("GET /2018-06-01/runtime/invocation/next",
			"POST /2018-06-01/runtime/invocation/request-1/response", "POST /2018-06-01/runtime/init/error",
			"POST /2015-03-31/functions/function/invocations", "GET /", "GET /emulator/",
			"GET /emulator/app.js", "GET /emulator/api/invocations", "GET /favicon.ico");

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	@Test
	void aForeignOriginIsRefusedOnEveryPathAndTakesNoEvent(CapturedOutput output) throws Exception {
		CompletableFuture<InvocationResult> queued = this.emulator.invoke("{\"secret\":1}");

		for (String requestLine : EVERY_PATH) {
			assertThat(call(requestLine, ownHost(), "Origin: http://evil.example")).as(requestLine)
				.startsWith("HTTP/1.1 403 ")
				.contains("the Origin http://evil.example is not the emulator's own");
		}

		assertThat(output).contains("Lambda emulator refused GET /2018-06-01/runtime/invocation/next: the Origin "
				+ "http://evil.example is not the emulator's own");
		assertThatTheEventIsStillServedAndNothingElseWasInvoked(queued);
	}

	@Test
	void aForeignHostIsRefusedOnEveryPathAndTakesNoEvent(CapturedOutput output) throws Exception {
		CompletableFuture<InvocationResult> queued = this.emulator.invoke("{\"secret\":1}");

		for (String requestLine : EVERY_PATH) {
			assertThat(call(requestLine, "evil.example:" + this.emulator.port())).as(requestLine)
				.startsWith("HTTP/1.1 403 ")
				.contains("the Host evil.example:" + this.emulator.port() + " does not name the address");
		}

		assertThat(output).contains("Lambda emulator refused GET /emulator/api/invocations: the Host evil.example");
		assertThatTheEventIsStillServedAndNothingElseWasInvoked(queued);
	}

	@Test
	void aLoopbackNameWithAnotherPortIsRefused(CapturedOutput output) throws IOException {
		assertThat(call("GET /emulator/", "localhost:1")).startsWith("HTTP/1.1 403 ");
		assertThat(output).contains("the Host localhost:1 does not name the address");
	}

	@Test
	void aCrossSiteOrSameSiteRequestWithoutOriginIsRefused(CapturedOutput output) throws IOException {
		assertThat(call("GET /2018-06-01/runtime/invocation/next", ownHost(), "Sec-Fetch-Site: cross-site"))
			.startsWith("HTTP/1.1 403 ");
		assertThat(call("GET /emulator/api/invocations", ownHost(), "Sec-Fetch-Site: same-site"))
			.startsWith("HTTP/1.1 403 ");
		assertThat(output).contains("Sec-Fetch-Site is cross-site").contains("Sec-Fetch-Site is same-site");
	}

	@Test
	void everyLoopbackNameOfTheEmulatorIsServed() throws IOException {
		int port = this.emulator.port();
		for (String host : new String[] { "127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port,
				"[::1]:" + port }) {
			assertThat(call("GET /emulator/api/invocations", host)).as(host).startsWith("HTTP/1.1 200 ");
		}
	}

	@Test
	void thePagesOwnSameOriginRequestsAreServed() throws IOException {
		assertThat(call("GET /emulator/api/invocations", ownHost(), "Origin: http://" + ownHost(),
				"Sec-Fetch-Site: same-origin"))
			.startsWith("HTTP/1.1 200 ");
		assertThat(call("GET /emulator/", ownHost(), "Sec-Fetch-Site: none")).startsWith("HTTP/1.1 200 ");
	}

	@Test
	void theConfiguredHostNameIsServed() throws IOException {
		try (LambdaEmulator named = LambdaEmulator.builder().host("localhost").build()) {
			assertThat(call(named, "GET /emulator/", "localhost:" + named.port())).startsWith("HTTP/1.1 200 ");
			assertThat(call(named, "GET /emulator/", "127.0.0.1:" + named.port())).startsWith("HTTP/1.1 200 ");
		}
	}

	private void assertThatTheEventIsStillServedAndNothingElseWasInvoked(CompletableFuture<InvocationResult> queued)
			throws Exception {
		RuntimeClient runtime = new RuntimeClient(this.emulator);
		HttpResponse<byte[]> next = runtime.awaitNext();
		assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("{\"secret\":1}");
		runtime.respond(RuntimeClient.requestId(next), "\"done\"");
		assertThat(queued).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((result) -> assertThat(result.payloadAsString()).isEqualTo("\"done\""));
		assertThat(new InvokeClient(this.emulator).history()).hasSize(1);
		assertThat(this.emulator.initErrors()).isEmpty();
	}

	private String ownHost() {
		return this.emulator.runtimeApi();
	}

	private String call(String requestLine, String host, String... headers) throws IOException {
		return call(this.emulator, requestLine, host, headers);
	}

	/**
	 * Sends a request with an empty body over a connection of its own, as a browser would send it,
	 * and reads the whole answer.
	 */
	private static String call(LambdaEmulator emulator, String requestLine, String host, String... headers)
			throws IOException {
		try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
			StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: ").append(host);
			for (String header : headers) {
				request.append("\r\n").append(header);
			}
			request.append("\r\nContent-Type: text/plain\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
			socket.setSoTimeout((int) RuntimeClient.WAIT.toMillis());
			try (InputStream in = socket.getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
	}

}
