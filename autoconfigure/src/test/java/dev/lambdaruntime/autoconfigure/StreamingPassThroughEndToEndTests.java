package dev.lambdaruntime.autoconfigure;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.lambdaruntime.runtime.InvocationResponse;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end test, with the real runtime and the emulator, that a streamed response reaches an
 * invoker of the Invoke API while the function is still running.
 */
@Timeout(60)
class StreamingPassThroughEndToEndTests {

	private final CountDownLatch secondWrite = new CountDownLatch(1);

	private final LambdaEmulator emulator = LambdaEmulator.start();

	@AfterEach
	void stopEmulator() {
		this.secondWrite.countDown();
		this.emulator.close();
	}

	@Test
	void firstWriteReachesTheInvokerBeforeTheFunctionFinishes() {
		LambdaRuntimeContextRunner.create()
			.withBean(CountDownLatch.class, () -> this.secondWrite)
			.withUserConfiguration(HeldBackWriter.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(),
					"spring.cloud.function.definition=writer")
			.run((context) -> {
				HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				HttpResponse<InputStream> response = http.send(
						HttpRequest.newBuilder(URI.create(this.emulator.invokeUrl()))
							.POST(BodyPublishers.ofString("\"x\""))
							.build(),
						BodyHandlers.ofInputStream());
				assertThat(response.statusCode()).isEqualTo(200);
				try (InputStream body = response.body()) {
					assertThat(new String(body.readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("first");
					// "first" arrived while the function waits on the latch: its response is not done
					assertThat(this.emulator.exchanges()).noneMatch((exchange) -> exchange.path().endsWith("/response"));
					this.secondWrite.countDown();
					assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
				}
				assertThat(this.emulator.exchanges()).filteredOn((exchange) -> exchange.path().endsWith("/response"))
					.singleElement()
					.satisfies((exchange) -> {
						assertThat(exchange.status()).isEqualTo(202);
						assertThat(exchange.headers()).containsEntry("lambda-runtime-function-response-mode",
								"streaming");
					});
			});
	}

	@Test
	void failureMidwayEndsTheInvocationAsAnErrorAndTheRuntimeServesTheNextOne() {
		LambdaRuntimeContextRunner.create()
			.withUserConfiguration(FailingWriter.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(),
					"spring.cloud.function.definition=writer")
			.run((context) -> {
				// the emulator cannot read the error trailers, but ends the invocation as an error
				InvocationResult failed = this.emulator.invoke("\"fail\"").get(30, TimeUnit.SECONDS);
				assertThat(failed.isError()).isTrue();
				assertThat(failed.errorType()).isEqualTo("Runtime.StreamedResponseFailed");
				InvocationResult next = this.emulator.invoke("\"ok\"").get(30, TimeUnit.SECONDS);
				assertThat(next.isError()).as(next.payloadAsString()).isFalse();
				assertThat(next.payloadAsString()).isEqualTo("partial ok");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingWriter {

		@Bean
		Function<String, InvocationResponse.BodyWriter> writer() {
			return (text) -> (body) -> {
				body.write("partial".getBytes(StandardCharsets.UTF_8));
				body.flush();
				if (text.equals("fail")) {
					throw new IllegalStateException("Failed midway");
				}
				body.write((" " + text).getBytes(StandardCharsets.UTF_8));
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HeldBackWriter {

		@Bean
		Function<String, InvocationResponse.BodyWriter> writer(CountDownLatch secondWrite) {
			return (text) -> (body) -> {
				body.write("first".getBytes(StandardCharsets.UTF_8));
				body.flush();
				if (!secondWrite.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("The test never let the function go on");
				}
				body.write("second".getBytes(StandardCharsets.UTF_8));
			};
		}

	}

}
