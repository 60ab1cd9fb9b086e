package dev.lambdaruntime.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plays a Lambda runtime in these tests, since this module cannot use the real one: polls the
 * Runtime API on a daemon thread and answers each event with a function of its text, posting an
 * error in the managed runtime's format when the function throws. Public for the page's browser
 * test and the Spring test support's tests.
 */
public final class FakeRuntime implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String baseUri;

	private final UnaryOperator<String> function;

	private final Thread thread = new Thread(this::serve, "fake-lambda-runtime");

	private FakeRuntime(String runtimeApi, UnaryOperator<String> function) {
		this.baseUri = "http://" + runtimeApi + "/2018-06-01/runtime/invocation/";
		this.function = function;
	}

	/**
	 * Starts polling.
	 * @param runtimeApi the Runtime API's {@code host:port}
	 * @param function what answers an event's text; an exception makes an error
	 * @return the running runtime
	 */
	public static FakeRuntime start(String runtimeApi, UnaryOperator<String> function) {
		FakeRuntime runtime = new FakeRuntime(runtimeApi, function);
		runtime.thread.setDaemon(true);
		runtime.thread.start();
		return runtime;
	}

	private void serve() {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				HttpResponse<String> next = this.http.send(HttpRequest.newBuilder(URI.create(this.baseUri + "next")).build(),
						BodyHandlers.ofString());
				answer(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow(), next.body());
			}
		}
		catch (IOException | InterruptedException ex) {
			// the emulator closed, or the runtime did
		}
	}

	private void answer(String requestId, String event) throws IOException, InterruptedException {
		HttpRequest.Builder answer;
		try {
			answer = HttpRequest.newBuilder(URI.create(this.baseUri + requestId + "/response"))
				.POST(BodyPublishers.ofString(this.function.apply(event)));
		}
		catch (RuntimeException ex) {
			answer = HttpRequest.newBuilder(URI.create(this.baseUri + requestId + "/error"))
				.header("Lambda-Runtime-Function-Error-Type", "Runtime.UserException")
				.POST(BodyPublishers.ofByteArray(JsonMapper.shared().writeValueAsBytes(errorBody(ex))));
		}
		this.http.send(answer.build(), BodyHandlers.discarding());
	}

	private static Map<String, Object> errorBody(Exception failure) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errorMessage", failure.getMessage());
		body.put("errorType", failure.getClass().getName());
		body.put("stackTrace", Arrays.stream(failure.getStackTrace()).map(String::valueOf).toList());
		return body;
	}

	/**
	 * Stops polling.
	 */
	@Override
	public void close() {
		this.thread.interrupt();
	}

}
