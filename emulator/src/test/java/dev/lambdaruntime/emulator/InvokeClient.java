package dev.lambdaruntime.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import dev.lambdaruntime.emulator.page.HistoryEndpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the invoker in tests: calls an emulator's Invoke API and history over real sockets, as
 * curl and the AWS SDKs do. Public for the tests of the sub-packages.
 */
public final class InvokeClient {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String baseUri;

	private final String functionName;

	public InvokeClient(LambdaEmulator emulator) {
		this.baseUri = "http://" + emulator.runtimeApi();
		this.functionName = emulator.functionName();
	}

	/**
	 * Starts a request to invoke a function.
	 * @param rawFunctionName the function name as it goes in the path, percent-encoded if needed
	 * @param body the event
	 * @return the request, to add headers to
	 */
	public HttpRequest.Builder request(String rawFunctionName, String body) {
		return HttpRequest.newBuilder(invocationsUri(rawFunctionName)).POST(BodyPublishers.ofString(body));
	}

	public URI invocationsUri(String rawFunctionName) {
		return URI.create(this.baseUri + "/2015-03-31/functions/" + rawFunctionName + "/invocations");
	}

	public CompletableFuture<HttpResponse<String>> invokeAsync(HttpRequest.Builder request) {
		return this.http.sendAsync(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public CompletableFuture<HttpResponse<String>> invokeAsync(String body) {
		return invokeAsync(request(this.functionName, body));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public HttpRequest.Builder requestTo(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUri + path));
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(requestTo(path));
	}

	/**
	 * Reads the emulator's invocation history.
	 * @return the {@code invocations} array, newest first
	 */
	public JsonNode history() throws IOException, InterruptedException {
		return json(HistoryEndpoint.PATH).get("invocations");
	}

	/**
	 * Reads a JSON document the emulator serves.
	 * @param path its path, such as {@code /emulator/templates/}
	 * @return the document
	 */
	public JsonNode json(String path) throws IOException, InterruptedException {
		return JsonMapper.shared().readTree(get(path).body());
	}

}
