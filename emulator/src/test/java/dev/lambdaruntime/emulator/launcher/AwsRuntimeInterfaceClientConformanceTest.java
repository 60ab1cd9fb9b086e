package dev.lambdaruntime.emulator.launcher;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvokeClient;
import dev.lambdaruntime.emulator.JavaCommand;
import dev.lambdaruntime.emulator.RecordedExchange;
import dev.lambdaruntime.emulator.RuntimeClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the emulator serves a runtime it was not written with: AWS's own Java runtime
 * interface client, launched as a separate JVM through the launcher and invoked through the
 * Invoke API, with what Lambda answers for a function error, an over-limit response, a timeout
 * and a log tail.
 */
@Timeout(60)
class AwsRuntimeInterfaceClientConformanceTest {

	private static final String AWS_RUNTIME = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

	@TempDir
	Path output;

	@Test
	void handlerResultComesBackThroughTheInvokeApi() throws Exception {
		try (LambdaEmulatorLauncher launcher = launch(GreetingHandler.class)) {
			HttpResponse<String> response = invoke(launcher, "{\"name\":\"Ada\"}");

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
			assertThat(response.body()).isEqualTo("\"Hello, Ada from greeter!\"");
		}
	}

	@Test
	void handlerExceptionComesBackAsAnUnhandledFunctionError() throws Exception {
		try (LambdaEmulatorLauncher launcher = launch(GreetingHandler.class)) {
			HttpResponse<String> response = invoke(launcher, "{\"name\":\"nobody\"}");

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
			assertThat(RuntimeClient.jsonField(response.body(), "errorType"))
				.isEqualTo("java.lang.IllegalArgumentException");
			assertThat(RuntimeClient.jsonField(response.body(), "errorMessage")).isEqualTo("Cannot greet nobody");
			assertThat(launcher.emulator().exchanges()).extracting(RecordedExchange::headers)
				.anySatisfy((headers) -> assertThat(headers).containsEntry("lambda-runtime-function-error-type",
						"Runtime.UserException"));
		}
	}

	@Test
	void responseOverTheLimitComesBackAsResponseSizeTooLarge() throws Exception {
		try (LambdaEmulatorLauncher launcher = launch(GreetingHandler.class)) {
			HttpResponse<String> response = invoke(launcher, "{\"name\":\"everybody\"}");

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
			assertThat(RuntimeClient.jsonField(response.body(), "errorType")).isEqualTo("Function.ResponseSizeTooLarge");
			assertThat(RuntimeClient.jsonField(response.body(), "errorMessage"))
				.endsWith("exceeded maximum allowed payload size (6291556 bytes).");
		}
	}

	@Test
	void functionTimeoutFromTheEnvironmentTimesOutASlowerFunction() throws Exception {
		List<String> args = new ArrayList<>(List.of("--port", "0", "--"));
		args.addAll(command(GreetingHandler.class));
		LambdaEmulatorLauncher.Builder builder = LauncherArguments
			.parse(Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "1", "AWS_LAMBDA_FUNCTION_NAME", "greeter"),
					args.toArray(String[]::new))
			.orElseThrow()
			.builder();
		try (LambdaEmulatorLauncher launcher = builder.output(this.output.resolve("runtime.log")).start()) {
			// a first invocation, with time to spare, lets the runtime initialize: the timeout runs from the invoke
			assertThat(launcher.emulator()
				.invoke(InvocationRequest.builder("{\"name\":\"Ada\"}").timeout(Duration.ofSeconds(30)).build())
				.get(30, TimeUnit.SECONDS)
				.isError()).isFalse();

			HttpResponse<String> response = invoke(launcher, "{\"name\":\"sleepy\"}");

			assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
			assertThat(RuntimeClient.jsonField(response.body(), "errorType")).isEqualTo("Sandbox.Timedout");
			assertThat(RuntimeClient.jsonField(response.body(), "errorMessage")).endsWith("Task timed out after 1.00 seconds");
		}
	}

	@Test
	void logTailCarriesTheFunctionsLogLines() throws Exception {
		try (LambdaEmulatorLauncher launcher = launch(GreetingHandler.class)) {
			InvokeClient invoker = new InvokeClient(launcher.emulator());
			HttpResponse<String> response = invoker
				.invokeAsync(invoker.request("greeter", "{\"name\":\"Ada\"}").header("X-Amz-Log-Type", "Tail"))
				.get(30, TimeUnit.SECONDS);

			String log = new String(Base64.getDecoder()
				.decode(response.headers().firstValue("X-Amz-Log-Result").orElseThrow()), StandardCharsets.UTF_8);
			String requestId = response.headers().firstValue("X-Amzn-Requestid").orElseThrow();
			assertThat(log.lines()).first().isEqualTo("START RequestId: " + requestId + " Version: $LATEST");
			assertThat(log).contains("Greeting Ada").contains("END RequestId: " + requestId);
			assertThat(log.lines().toList()).last().asString().startsWith("REPORT RequestId: " + requestId);
			assertThat(Files.readString(this.output.resolve("runtime.log"))).contains(log);
		}
	}

	@Test
	void initFailureComesBackToTheInvokerAsTheInitError() throws Exception {
		try (LambdaEmulatorLauncher launcher = launch(FailingInitHandler.class)) {
			HttpResponse<String> response = invoke(launcher, "{}");

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
			assertThat(response.body()).contains("No configuration found");
			assertThat(launcher.emulator().initErrors()).isNotEmpty()
				.allSatisfy((error) -> assertThat(error.errorType()).isEqualTo("Runtime.BadFunctionCode"));
		}
	}

	private LambdaEmulatorLauncher launch(Class<?> handler) {
		return LambdaEmulatorLauncher.builder(command(handler))
			.functionName("greeter")
			.output(this.output.resolve("runtime.log"))
			.start();
	}

	private static List<String> command(Class<?> handler) {
		return JavaCommand.of(AWS_RUNTIME, handler.getName() + "::handleRequest");
	}

	private static HttpResponse<String> invoke(LambdaEmulatorLauncher launcher, String event) throws Exception {
		InvokeClient invoker = new InvokeClient(launcher.emulator());
		return invoker.invokeAsync(invoker.request("greeter", event)).get(30, TimeUnit.SECONDS);
	}

}
