package dev.lambdaruntime.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Extensions API, and the Logs and Telemetry API subscriptions, answer as Lambda and the
 * Runtime Interface Emulator (github.com/aws/aws-lambda-runtime-interface-emulator, "RIE") do.
 * Each rule names its source: an RIE file or Lambda's "Extensions API" documentation page.
 */
@Timeout(30)
class ExtensionsApiConformanceTest {

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.builder().functionName("orders").logOutput((line) -> {
	}).build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final RuntimeClient runtime = new RuntimeClient(this.emulator);

	/** Lambda "Extensions API" page, Register; RIE {@code rapi/handler/agentregister.go}. */
	@Test
	void registrationAnswersWithAnIdentifierAndTheFunction() throws Exception {
		HttpResponse<String> registered = register("watcher", "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}");

		assertThat(registered.statusCode()).isEqualTo(200);
		assertThat(registered.headers().firstValue("Lambda-Extension-Identifier")).isPresent();
		JsonNode body = JsonMapper.shared().readTree(registered.body());
		assertThat(body.get("functionName").asString()).isEqualTo("orders");
		assertThat(body.get("functionVersion").asString()).isEqualTo("$LATEST");
		assertThat(body.get("handler").asString()).isEqualTo("bootstrap");
	}

	/** RIE {@code rapi/handler/agentregister.go}: a name is required. */
	@Test
	void registrationWithoutANameIsForbidden() throws Exception {
		HttpResponse<String> refused = send(request("/2020-01-01/extension/register")
			.POST(BodyPublishers.ofString("{\"events\":[]}")));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(RuntimeClient.jsonField(refused.body(), "errorType")).isEqualTo("Extension.InvalidExtensionName");
	}

	/** RIE {@code rapi/handler/agentregister.go}: only INVOKE and SHUTDOWN for an external extension. */
	@Test
	void registrationForAnUnknownEventIsForbidden() throws Exception {
		HttpResponse<String> refused = register("watcher", "{\"events\":[\"RESTORE\"]}");

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(RuntimeClient.jsonField(refused.body(), "errorType")).isEqualTo("Extension.InvalidEventType");
	}

	/** RIE {@code rapi/middleware}: event/next needs the identifier from the registration. */
	@Test
	void nextWithoutAnIdentifierIsForbidden() throws Exception {
		HttpResponse<String> refused = send(request("/2020-01-01/extension/event/next").GET());

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(RuntimeClient.jsonField(refused.body(), "errorType"))
			.isEqualTo("Extension.MissingExtensionIdentifier");
	}

	/** Lambda "Extensions API" page, Next: INVOKE carries the request id, deadline, ARN and tracing. */
	@Test
	void extensionReceivesTheInvokeEventOfEachInvocation() throws Exception {
		String identifier = identifier(register("watcher", "{\"events\":[\"INVOKE\"]}"));
		CompletableFuture<HttpResponse<String>> event = next(identifier);

		this.emulator.invoke("{}");
		String requestId = RuntimeClient.requestId(this.runtime.awaitNext());

		assertThat(event).succeedsWithin(RuntimeClient.WAIT).satisfies((received) -> {
			assertThat(received.statusCode()).isEqualTo(200);
			assertThat(received.headers().firstValue("Lambda-Extension-Event-Identifier")).isPresent();
			JsonNode invoke = JsonMapper.shared().readTree(received.body());
			assertThat(invoke.get("eventType").asString()).isEqualTo("INVOKE");
			assertThat(invoke.get("requestId").asString()).isEqualTo(requestId);
			assertThat(invoke.get("invokedFunctionArn").asString()).endsWith(":function:orders");
			assertThat(invoke.get("deadlineMs").asLong()).isPositive();
			assertThat(invoke.get("tracing").get("type").asString()).isEqualTo("X-Amzn-Trace-Id");
		});
	}

	/** Lambda "Extensions API" page, Shutdown phase: SHUTDOWN when the environment stops. */
	@Test
	void extensionReceivesShutdownWhenTheEmulatorStops() throws Exception {
		String identifier = identifier(register("watcher", "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}"));
		CompletableFuture<HttpResponse<String>> event = next(identifier);

		this.emulator.close();

		assertThat(event).succeedsWithin(RuntimeClient.WAIT).satisfies((received) -> {
			JsonNode shutdown = JsonMapper.shared().readTree(received.body());
			assertThat(shutdown.get("eventType").asString()).isEqualTo("SHUTDOWN");
			assertThat(shutdown.get("shutdownReason").asString()).isEqualTo("spindown");
		});
	}

	/** RIE {@code rapi/handler/runtimelogs_stub.go}: subscriptions accepted, not served. */
	@Test
	void logsAndTelemetrySubscriptionsAreAcceptedAsNotSupported() throws Exception {
		HttpResponse<String> logs = send(request("/2020-08-15/logs").PUT(BodyPublishers.ofString("{}")));
		HttpResponse<String> telemetry = send(request("/2022-07-01/telemetry").PUT(BodyPublishers.ofString("{}")));

		assertThat(logs.statusCode()).isEqualTo(202);
		assertThat(RuntimeClient.jsonField(logs.body(), "errorType")).isEqualTo("Logs.NotSupported");
		assertThat(telemetry.statusCode()).isEqualTo(202);
		assertThat(RuntimeClient.jsonField(telemetry.body(), "errorType")).isEqualTo("Telemetry.NotSupported");
	}

	private HttpResponse<String> register(String name, String body) throws Exception {
		return send(request("/2020-01-01/extension/register").header("Lambda-Extension-Name", name)
			.POST(BodyPublishers.ofString(body)));
	}

	private CompletableFuture<HttpResponse<String>> next(String identifier) {
		return this.http.sendAsync(request("/2020-01-01/extension/event/next")
			.header("Lambda-Extension-Identifier", identifier)
			.build(), BodyHandlers.ofString());
	}

	private static String identifier(HttpResponse<String> registered) {
		return registered.headers().firstValue("Lambda-Extension-Identifier").orElseThrow();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://" + this.emulator.runtimeApi() + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
