package dev.lambdaruntime.emulator;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the runtime in tests: talks to an emulator over real sockets with the JDK's HTTP client.
 * Public for the tests of the sub-packages.
 */
public final class RuntimeClient {

	public static final Duration WAIT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI runtimeApi;

	private final String pathPrefix;

	private final String baseUri;

	public RuntimeClient(LambdaEmulator emulator) {
		this(emulator.runtimeApi(), "");
	}

	public RuntimeClient(LambdaEmulator emulator, String pathPrefix) {
		this(emulator.runtimeApi(), pathPrefix);
	}

	/**
	 * Creates a client of the Runtime API at the given address.
	 * @param runtimeApi {@code host:port}, as in {@code AWS_LAMBDA_RUNTIME_API}
	 * @param pathPrefix a path prefix before {@code /2018-06-01}, or none
	 */
	public RuntimeClient(String runtimeApi, String pathPrefix) {
		this.runtimeApi = URI.create("http://" + runtimeApi);
		this.pathPrefix = pathPrefix;
		this.baseUri = this.runtimeApi + pathPrefix + "/2018-06-01";
	}

	public CompletableFuture<HttpResponse<byte[]>> next() {
		return this.http.sendAsync(request("/runtime/invocation/next").build(), BodyHandlers.ofByteArray());
	}

	/**
	 * Calls {@code next} on a connection of its own and closes it straight away, as a runtime
	 * that dies while waiting would.
	 */
	public void nextAndDisconnect() throws IOException {
		try (Socket socket = new Socket(this.runtimeApi.getHost(), this.runtimeApi.getPort())) {
			String request = "GET " + this.pathPrefix + "/2018-06-01/runtime/invocation/next HTTP/1.1\r\n"
					+ "Host: " + this.runtimeApi.getAuthority() + "\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
		}
	}

	public HttpResponse<byte[]> awaitNext() throws InterruptedException, ExecutionException, TimeoutException {
		return next().get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	public HttpResponse<String> respond(String requestId, String body) throws IOException, InterruptedException {
		return respond(requestId, BodyPublishers.ofString(body));
	}

	public HttpResponse<String> respond(String requestId, BodyPublisher body) throws IOException, InterruptedException {
		return send(request("/runtime/invocation/" + requestId + "/response").POST(body));
	}

	public HttpResponse<String> error(String requestId, String errorType, String body)
			throws IOException, InterruptedException {
		return send(request("/runtime/invocation/" + requestId + "/error")
			.header(RuntimeApiProtocol.FUNCTION_ERROR_TYPE, errorType)
			.POST(BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> initError(String errorType, String body) throws IOException, InterruptedException {
		return send(request("/runtime/init/error").header(RuntimeApiProtocol.FUNCTION_ERROR_TYPE, errorType)
			.POST(BodyPublishers.ofString(body)));
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUri + path));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public static String requestId(HttpResponse<?> next) {
		return next.headers().firstValue(RuntimeApiProtocol.REQUEST_ID).orElseThrow();
	}

	public static String jsonField(String json, String field) {
		return JsonMapper.shared().readTree(json).get(field).asString();
	}

}
