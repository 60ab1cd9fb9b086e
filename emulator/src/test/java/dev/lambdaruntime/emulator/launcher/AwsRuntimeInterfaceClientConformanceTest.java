package dev.lambdaruntime.emulator.launcher;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
 * Invoke API.
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
		return LambdaEmulatorLauncher.builder(JavaCommand.of(AWS_RUNTIME, handler.getName() + "::handleRequest"))
			.functionName("greeter")
			.output(this.output.resolve("runtime.log"))
			.start();
	}

	private static HttpResponse<String> invoke(LambdaEmulatorLauncher launcher, String event) throws Exception {
		InvokeClient invoker = new InvokeClient(launcher.emulator());
		return invoker.invokeAsync(invoker.request("greeter", event)).get(30, TimeUnit.SECONDS);
	}

}
