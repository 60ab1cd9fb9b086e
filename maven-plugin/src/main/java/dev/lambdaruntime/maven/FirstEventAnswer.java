package dev.lambdaruntime.maven;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The answer to a local run's first event, sent through the emulator's Invoke API as curl or the
 * AWS CLI would send it, with {@code X-Amz-Log-Type: Tail} so that it carries the function's log of
 * that invocation, as {@code aws lambda invoke --log-type Tail} shows it.
 *
 * @param status the Invoke API's HTTP status, 0 when no answer came
 * @param functionError {@code X-Amz-Function-Error} ({@code Unhandled}), or empty
 * @param payload the function's response or error, or why there was no answer
 * @param requestId the invocation's request id, or empty
 * @param logTail the last 4 KB of the invocation's log, decoded, or empty
 */
record FirstEventAnswer(int status, String functionError, String payload, String requestId, String logTail) {

	/**
	 * Sends the event and waits for the answer.
	 * @param invokeUrl the emulator's Invoke API URL
	 * @param event the event, a JSON text
	 * @param wait how long to wait for the answer
	 * @return the answer, or one that says why none came
	 */
	static FirstEventAnswer invoke(String invokeUrl, String event, Duration wait) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(invokeUrl))
			.timeout(wait)
			.header("X-Amz-Log-Type", "Tail")
			.POST(HttpRequest.BodyPublishers.ofString(event, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			String logResult = response.headers().firstValue("X-Amz-Log-Result").orElse("");
			return new FirstEventAnswer(response.statusCode(),
					response.headers().firstValue("X-Amz-Function-Error").orElse(""), response.body(),
					response.headers().firstValue("X-Amzn-Requestid").orElse(""),
					new String(Base64.getDecoder().decode(logResult), StandardCharsets.UTF_8));
		}
		catch (HttpTimeoutException ex) {
			return noAnswer("No answer to the first event within " + wait.toSeconds() + " seconds");
		}
		catch (IOException ex) {
			return noAnswer("The first event could not be sent: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return noAnswer("Interrupted while waiting for the first event's answer");
		}
	}

	private static FirstEventAnswer noAnswer(String reason) {
		return new FirstEventAnswer(0, "", reason, "", "");
	}

	/** Whether the function did not answer with a response. */
	boolean failed() {
		return this.status != 200 || !this.functionError.isEmpty();
	}

	/** One line that says what came back. */
	String describe() {
		if (this.status == 0) {
			return this.payload;
		}
		if (this.status != 200) {
			return "The Invoke API refused the event (" + this.status + "): " + this.payload;
		}
		return (failed() ? "Error: " : "Response: ") + this.payload + " (request " + this.requestId + ")";
	}

}
