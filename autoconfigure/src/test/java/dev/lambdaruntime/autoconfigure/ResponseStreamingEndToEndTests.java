package dev.lambdaruntime.autoconfigure;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.lambdaruntime.runtime.HttpIntegrationResponse;
import dev.lambdaruntime.runtime.InvocationResponse;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RecordedExchange;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of which results are streamed, and of what the invoker finally receives.
 */
class ResponseStreamingEndToEndTests {

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	private ApplicationContextRunner contextRunner = LambdaRuntimeContextRunner.against(this.emulator)
		.withUserConfiguration(StreamingFunctions.class);

	@Test
	void fluxOfByteBuffersIsAlwaysStreamedRaw() {
		assertThat(serve("chunks", "\"a,b,c\"")).isEqualTo("abc");
		assertThat(lastAnswer().headers()).containsEntry("lambda-runtime-function-response-mode", "streaming");
	}

	@Test
	void bodyWriterResultIsStreamed() {
		assertThat(serve("writer", "\"x\"")).isEqualTo("written x");
		assertThat(lastAnswer().headers()).containsEntry("lambda-runtime-function-response-mode", "streaming");
	}

	@Test
	void httpIntegrationResponseIsStreamedWithItsPrelude() {
		assertThat(serve("page", "\"y\"")).startsWith("{\"statusCode\":200").endsWith("\0\0\0\0\0\0\0\0<h1>y</h1>");
		assertThat(lastAnswer().headers()).containsEntry("content-type",
				"application/vnd.awslambda.http-integration-response");
	}

	@Test
	void fluxOfRecordsIsCollectedWholeUnlessTheFunctionIsNamedForStreaming() {
		assertThat(serve("words", "\"p q\"")).isEqualTo("[\"p\",\"q\"]");
		assertThat(lastAnswer().headers()).doesNotContainKey("lambda-runtime-function-response-mode");
	}

	@Test
	void fluxOfAFunctionNamedForStreamingIsStreamedAsTheSameJsonArray() {
		this.contextRunner = this.contextRunner.withPropertyValues("lambda.runtime.streaming.functions=words");
		assertThat(serve("words", "\"p q\"")).isEqualTo("[\"p\",\"q\"]");
		assertThat(lastAnswer().headers()).containsEntry("lambda-runtime-function-response-mode", "streaming");
	}

	@Test
	void inputStreamOfAFunctionNamedForStreamingIsStreamed() {
		this.contextRunner = this.contextRunner.withPropertyValues("lambda.runtime.streaming.functions=stream");
		assertThat(serve("stream", "\"z\"")).isEqualTo("streamed z");
		assertThat(lastAnswer().headers()).containsEntry("lambda-runtime-function-response-mode", "streaming");
	}

	private String serve(String definition, String event) {
		String[] payload = new String[1];
		this.contextRunner.withPropertyValues("spring.cloud.function.definition=" + definition).run((context) -> {
			InvocationResult result = this.emulator.invoke(event).get(30, TimeUnit.SECONDS);
			assertThat(result.isError()).as(result.payloadAsString()).isFalse();
			payload[0] = result.payloadAsString();
		});
		return payload[0];
	}

	private RecordedExchange lastAnswer() {
		List<RecordedExchange> exchanges = this.emulator.exchanges();
		return exchanges.stream().filter((exchange) -> exchange.path().endsWith("/response")).reduce((a, b) -> b)
			.orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class StreamingFunctions {

		@Bean
		Function<String, Flux<ByteBuffer>> chunks() {
			return (text) -> Flux.fromArray(text.split(","))
				.map((part) -> ByteBuffer.wrap(part.getBytes(StandardCharsets.UTF_8)));
		}

		@Bean
		Function<String, InvocationResponse.BodyWriter> writer() {
			return (text) -> (body) -> body.write(("written " + text).getBytes(StandardCharsets.UTF_8));
		}

		@Bean
		Function<String, HttpIntegrationResponse> page() {
			return (text) -> new HttpIntegrationResponse(200, Map.of("Content-Type", "text/html"), List.of(),
					(body) -> body.write(("<h1>" + text + "</h1>").getBytes(StandardCharsets.UTF_8)));
		}

		@Bean
		Function<String, Flux<String>> words() {
			return (text) -> Flux.fromArray(text.split(" "));
		}

		@Bean
		Function<String, InputStream> stream() {
			return (text) -> new ByteArrayInputStream(("streamed " + text).getBytes(StandardCharsets.UTF_8));
		}

	}

}
