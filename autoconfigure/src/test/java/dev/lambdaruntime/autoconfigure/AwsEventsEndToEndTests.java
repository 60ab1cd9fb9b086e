package dev.lambdaruntime.autoconfigure;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.lambdaruntime.function.AwsEventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions over AWS event classes served through the real loop and the emulator: sample events
 * in, the responses Lambda acts on out.
 */
class AwsEventsEndToEndTests {

	private static final JsonMapper json = JsonMapper.shared();

	@Test
	void sqsFunctionReportsThePartialBatchFailure() {
		assertThat(serve("shipOrders", "sqs.json").payloadAsString())
			.isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"9b2f4d6a-1c3e-4a5b-8d7f-6e0a2c4b8d19\"}]}");
	}

	@Test
	void apiGatewayFunctionAnswersAProxyResponse() {
		assertThat(json.readTree(serve("order", "apigateway-rest.json").payload())).isEqualTo(json.readTree("""
				{"statusCode": 200, "headers": {"Content-Type": "application/json"},
				 "body": "{\\"order\\":\\"ord-4711\\",\\"from\\":\\"198.51.100.23\\"}"}"""));
	}

	/** Serves one sample event to a function of {@link Functions} through the runtime loop. */
	private static InvocationResult serve(String definition, String sample) {
		AtomicReference<InvocationResult> result = new AtomicReference<>();
		try (LambdaEmulator emulator = LambdaEmulator.start()) {
			LambdaRuntimeContextRunner.create()
				.withUserConfiguration(Functions.class)
				.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + emulator.runtimeApi(),
						"spring.cloud.function.definition=" + definition)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					result.set(emulator.invoke(event(sample)).get(30, TimeUnit.SECONDS));
				});
		}
		assertThat(result.get().isError()).as("error: %s", result.get().payloadAsString()).isFalse();
		return result.get();
	}

	@Configuration(proxyBeanMethods = false)
	static class Functions {

		@Bean
		Function<SQSEvent, SQSBatchResponse> shipOrders() {
			// Cancellations cannot be shipped: those messages fail, the others are done.
			return (event) -> new SQSBatchResponse(event.getRecords()
				.stream()
				.filter((message) -> message.getBody().contains("\"cancel\""))
				.map((message) -> new SQSBatchResponse.BatchItemFailure(message.getMessageId()))
				.toList());
		}

		@Bean
		Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> order() {
			return (request) -> new APIGatewayProxyResponseEvent().withStatusCode(200)
				.withHeaders(Map.of("Content-Type", "application/json"))
				.withBody("{\"order\":\"" + request.getPathParameters().get("orderId") + "\",\"from\":\""
						+ request.getRequestContext().getIdentity().getSourceIp() + "\"}");
		}

	}

}
