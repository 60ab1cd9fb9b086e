package dev.lambdaruntime.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of every input and output shape: the real loop, the real emulator, real
 * sockets.
 */
class PayloadConversionEndToEndTests {

	private static final JsonMapper json = JsonMapper.shared();

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	private final ApplicationContextRunner contextRunner = LambdaRuntimeContextRunner.create()
		.withUserConfiguration(Functions.class);

	@Test
	void stringFunctionReceivesTheDecodedJsonStringAndAnswersAJsonString() {
		assertThat(serve("uppercase", "\"hello\"").payloadAsString()).isEqualTo("\"HELLO\"");
	}

	@Test
	void stringFunctionReceivesTheRawTextOfAnEventThatIsNotAJsonString() {
		assertThat(serve("uppercase", "{\"name\":\"x\"}").payloadAsString()).isEqualTo("\"{\\\"NAME\\\":\\\"X\\\"}\"");
	}

	@Test
	void stringEventThatLooksLikeAJsonArrayReachesTheFunctionWhole() {
		assertThat(serve("uppercase", "[1,\"a\"]").payloadAsString()).isEqualTo("\"[1,\\\"A\\\"]\"");
	}

	@Test
	void composedFunctionsPassRecordsAlong() {
		assertThat(serve("greet|replyText", "{\"name\":\"Cy\"}").payloadAsString()).isEqualTo("\"Hello, Cy.\"");
	}

	@Test
	void composedFunctionsConvertIntoTheNextOnesMessagePayload() {
		assertThat(serve("nameOf|messageGreet", "\"Ada\"").payloadAsString()).isEqualTo("{\"greeting\":\"Hi Ada\"}");
	}

	@Test
	void composedFunctionsConvertIntoAnAwsEventAsLambdaNamesItsFields() {
		assertThat(serve("sqsJson|firstSqsBody", "\"queued\"").payloadAsString()).isEqualTo("\"queued\"");
	}

	@Test
	void recordsConvertInAndOut() {
		assertThat(serve("greet", "{\"name\":\"Ada\"}").payloadAsString()).isEqualTo("{\"greeting\":\"Hello, Ada\"}");
	}

	@Test
	void mapInput() {
		assertThat(serve("keys", "{\"b\":1,\"a\":{\"c\":2}}").payloadAsString()).isEqualTo("[\"b\",\"a\"]");
	}

	@Test
	void jsonNodeInputAndOutput() {
		assertThat(serve("tree", "{\"n\":41}").payloadAsString()).isEqualTo("{\"n\":41,\"seen\":true}");
	}

	@Test
	void listOfRecordsInput() {
		assertThat(serve("count", "[{\"name\":\"a\"},{\"name\":\"b\"}]").payloadAsString()).isEqualTo("2");
	}

	@Test
	void bytesPassThroughUntouched() {
		byte[] event = { 0, (byte) 0xff, 'x', '\n' };
		assertThat(serve("bytes", event).payload()).containsExactly('\n', 'x', (byte) 0xff, 0);
	}

	@Test
	void inputStreamReceivesTheEventBytes() {
		assertThat(serve("streamLength", "not json at all").payloadAsString()).isEqualTo("15");
	}

	@Test
	void messageOfBytesCarriesTheContextHeader() {
		InvocationResult result = serve("messageBytes", "raw");
		assertThat(result.payloadAsString()).isEqualTo("\"raw from " + result.requestId() + "\"");
	}

	@Test
	void messageOfRecordIsConverted() {
		assertThat(serve("messageGreet", "{\"name\":\"Bo\"}").payloadAsString()).isEqualTo("{\"greeting\":\"Hi Bo\"}");
	}

	@Test
	void consumerAnswersJsonNull() {
		assertThat(serve("sink", "\"dropped\"").payloadAsString()).isEqualTo("null");
	}

	@Test
	void nullResultIsJsonNull() {
		assertThat(serve("nothing", "\"x\"").payloadAsString()).isEqualTo("null");
	}

	@Test
	void supplierIgnoresTheEvent() {
		assertThat(serve("supply", "this is not JSON").payloadAsString()).isEqualTo("{\"greeting\":\"supplied\"}");
	}

	@Test
	void monoIsAwaited() {
		assertThat(serve("mono", "\"m\"").payloadAsString()).isEqualTo("\"m!\"");
	}

	@Test
	void completableFutureIsAwaited() {
		assertThat(serve("future", "\"f\"").payloadAsString()).isEqualTo("\"f?\"");
	}

	@Test
	void fluxIsCollectedToAJsonArray() {
		assertThat(serve("flux", "\"abc\"").payloadAsString()).isEqualTo("[\"a\",\"b\",\"c\"]");
	}

	@Test
	void messageResultAnswersItsPayload() {
		assertThat(serve("messageOut", "\"p\"").payloadAsString()).isEqualTo("{\"greeting\":\"p\"}");
	}

	@Test
	void aFieldNamedPayloadIsNotUnwrapped() {
		assertThat(serve("tree", "{\"payload\":{\"n\":1}}").payloadAsString())
			.isEqualTo("{\"payload\":{\"n\":1},\"seen\":true}");
	}

	@Test
	void badJsonIsAnUnmarshalErrorAndTheNextEventIsServed() {
		this.contextRunner.withPropertyValues(runtimeApi(), "spring.cloud.function.definition=greet").run((context) -> {
			InvocationResult bad = invoke("{\"name\": ");
			assertThat(bad.isError()).isTrue();
			assertThat(bad.errorType()).isEqualTo("Runtime.UnmarshalError");
			JsonNode body = json.readTree(bad.payload());
			assertThat(body.get("errorType").asString()).isEqualTo("dev.lambdaruntime.runtime.InvalidEventException");
			assertThat(body.get("errorMessage").asString())
				.startsWith("Could not read the event as dev.lambdaruntime.autoconfigure.PayloadConversionEndToEndTests$Greeting");
			assertThat(invoke("{\"name\":\"Al\"}").payloadAsString()).isEqualTo("{\"greeting\":\"Hello, Al\"}");
		});
	}

	@Test
	void failingFunctionAnswersTheManagedRuntimesErrorFormat() {
		this.contextRunner.withPropertyValues(runtimeApi(), "spring.cloud.function.definition=fail").run((context) -> {
			InvocationResult result = invoke("\"boom\"");
			assertThat(result.isError()).isTrue();
			assertThat(result.errorType()).isEqualTo("Runtime.UserException");
			JsonNode body = json.readTree(result.payload());
			assertThat(body.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
			assertThat(body.get("errorMessage").asString()).isEqualTo("boom");
			assertThat(body.get("stackTrace").isArray()).isTrue();
			assertThat(body.get("stackTrace").get(0).asString()).contains("PayloadConversionEndToEndTests$Functions");
			assertThat(invoke("\"again\"").isError()).isTrue();
		});
	}

	@Test
	void anErrorThrownByTheFunctionIsReportedAndTheLoopGoesOn() {
		this.contextRunner.withPropertyValues(runtimeApi(), "spring.cloud.function.definition=assertive").run((context) -> {
			InvocationResult failed = invoke("\"no\"");
			assertThat(failed.isError()).isTrue();
			assertThat(json.readTree(failed.payload()).get("errorType").asString()).isEqualTo("java.lang.AssertionError");
			assertThat(invoke("\"yes\"").payloadAsString()).isEqualTo("\"yes\"");
		});
	}

	@Test
	void sixMegabyteEventAndResponseRoundTrip() {
		String big = "x".repeat(6 * 1024 * 1024 - 64);
		this.contextRunner.withPropertyValues(runtimeApi(), "spring.cloud.function.definition=uppercase").run((context) -> {
			InvocationResult result = invoke("\"" + big + "\"");
			assertThat(result.isError()).isFalse();
			assertThat(result.payload()).hasSize(big.length() + 2);
			assertThat(result.payloadAsString()).startsWith("\"XXXX").endsWith("XX\"");
		});
	}

	@Test
	void responseOverTheLimitIsReportedAsResponseSizeTooLarge() {
		this.contextRunner.withPropertyValues(runtimeApi(), "spring.cloud.function.definition=inflate").run((context) -> {
			InvocationResult result = invoke("7000000");
			assertThat(result.isError()).isTrue();
			assertThat(result.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
			assertThat(invoke("10").payloadAsString()).hasSize(12);
		});
	}

	private InvocationResult serve(String definition, String event) {
		return serve(definition, event.getBytes(StandardCharsets.UTF_8));
	}

	private InvocationResult serve(String definition, byte[] event) {
		InvocationResult[] result = new InvocationResult[1];
		this.contextRunner.withPropertyValues(runtimeApi(), "spring.cloud.function.definition=" + definition)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				result[0] = this.emulator.invoke(event).get(30, TimeUnit.SECONDS);
			});
		assertThat(result[0].isError()).as("error: %s", result[0].payloadAsString()).isFalse();
		return result[0];
	}

	private InvocationResult invoke(String event) throws Exception {
		return this.emulator.invoke(event).get(30, TimeUnit.SECONDS);
	}

	private String runtimeApi() {
		return "AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi();
	}

	record Greeting(String name) {
	}

	record Reply(String greeting) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Functions {

		@Bean
		Function<String, String> uppercase() {
			return String::toUpperCase;
		}

		@Bean
		Function<Greeting, Reply> greet() {
			return (greeting) -> new Reply("Hello, " + greeting.name());
		}

		@Bean
		Function<Reply, String> replyText() {
			return (reply) -> reply.greeting() + ".";
		}

		@Bean
		Function<Map<String, Object>, List<String>> keys() {
			return (map) -> List.copyOf(map.keySet());
		}

		@Bean
		Function<JsonNode, JsonNode> tree() {
			return (node) -> ((tools.jackson.databind.node.ObjectNode) node).put("seen", true);
		}

		@Bean
		Function<List<Greeting>, Integer> count() {
			return List::size;
		}

		@Bean
		Function<byte[], byte[]> bytes() {
			return (bytes) -> {
				byte[] reversed = new byte[bytes.length];
				for (int i = 0; i < bytes.length; i++) {
					reversed[i] = bytes[bytes.length - 1 - i];
				}
				return reversed;
			};
		}

		@Bean
		Function<InputStream, Integer> streamLength() {
			return (stream) -> {
				try {
					return stream.readAllBytes().length;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			};
		}

		@Bean
		Function<Message<byte[]>, String> messageBytes() {
			return (message) -> new String(message.getPayload(), StandardCharsets.UTF_8) + " from "
					+ ((Context) message.getHeaders().get("aws-context")).getAwsRequestId();
		}

		@Bean
		Function<String, Map<String, String>> nameOf() {
			return (name) -> Map.of("name", name);
		}

		@Bean
		Function<String, Map<String, Object>> sqsJson() {
			return (body) -> Map.of("Records", List.of(Map.of("messageId", "m-1", "body", body)));
		}

		@Bean
		Function<SQSEvent, String> firstSqsBody() {
			return (event) -> event.getRecords().get(0).getBody();
		}

		@Bean
		Function<Message<Greeting>, Reply> messageGreet() {
			return (message) -> new Reply("Hi " + message.getPayload().name());
		}

		@Bean
		Function<String, Message<Reply>> messageOut() {
			return (text) -> org.springframework.messaging.support.MessageBuilder.withPayload(new Reply(text)).build();
		}

		@Bean
		Consumer<String> sink() {
			return (text) -> {
			};
		}

		@Bean
		Function<String, String> nothing() {
			return (text) -> null;
		}

		@Bean
		Supplier<Reply> supply() {
			return () -> new Reply("supplied");
		}

		@Bean
		Function<String, Mono<String>> mono() {
			return (text) -> Mono.just(text + "!");
		}

		@Bean
		Function<String, CompletableFuture<String>> future() {
			return (text) -> CompletableFuture.supplyAsync(() -> text + "?");
		}

		@Bean
		Function<String, Flux<String>> flux() {
			return (text) -> Flux.fromArray(text.split(""));
		}

		@Bean
		Function<String, String> fail() {
			return (text) -> {
				throw new IllegalStateException(text);
			};
		}

		@Bean
		Function<String, String> assertive() {
			return (text) -> {
				if (text.equals("no")) {
					throw new AssertionError("no!");
				}
				return text;
			};
		}

		@Bean
		Function<Integer, String> inflate() {
			return "y"::repeat;
		}

	}

}
