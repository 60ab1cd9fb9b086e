package dev.lambdaruntime.function;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.lambdaruntime.function.AwsEventFixtures.bootMapper;
import static dev.lambdaruntime.function.AwsEventFixtures.event;
import static dev.lambdaruntime.function.AwsEventFixtures.read;
import static dev.lambdaruntime.function.AwsEventFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS event classes returned by a function are answered with the JSON Lambda expects: the
 * response shapes of API Gateway, ALB and SQS partial batches, with no null fields, and events
 * written back as they came.
 */
class AwsEventsOutputTests {

	private static final JsonMapper json = JsonMapper.shared();

	@Test
	void sqsBatchResponseListsTheFailedMessageIds() {
		SQSBatchResponse response = new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("m-2"),
				new SQSBatchResponse.BatchItemFailure("m-5")));
		assertThat(written(response))
			.isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"},{\"itemIdentifier\":\"m-5\"}]}");
	}

	@Test
	void sqsBatchResponseWithoutFailuresReportsTheWholeBatchDone() {
		assertThat(written(new SQSBatchResponse(List.of()))).isEqualTo("{\"batchItemFailures\":[]}");
		assertThat(written(new SQSBatchResponse())).isEqualTo("{}");
	}

	@Test
	void apiGatewayProxyResponseHasTheProxyIntegrationFieldsAndNoNulls() {
		APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent().withStatusCode(201)
			.withHeaders(Map.of("Location", "/orders/ord-4711"))
			.withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2")))
			.withBody("{\"id\":\"ord-4711\"}")
			.withIsBase64Encoded(false);
		assertThat(tree(write(response))).isEqualTo(tree("""
				{"statusCode": 201, "headers": {"Location": "/orders/ord-4711"},
				 "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]},
				 "body": "{\\"id\\":\\"ord-4711\\"}", "isBase64Encoded": false}"""));
		assertThat(written(new APIGatewayProxyResponseEvent().withStatusCode(204))).isEqualTo("{\"statusCode\":204}");
	}

	@Test
	void httpApiResponseCarriesCookies() {
		APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
			.withStatusCode(200)
			.withHeaders(Map.of("Content-Type", "text/plain"))
			.withCookies(List.of("session=9f86d081884c7d65; Secure; HttpOnly"))
			.withBody("ok")
			.build();
		assertThat(tree(write(response))).isEqualTo(tree("""
				{"statusCode": 200, "headers": {"Content-Type": "text/plain"},
				 "cookies": ["session=9f86d081884c7d65; Secure; HttpOnly"],
				 "body": "ok", "isBase64Encoded": false}"""));
	}

	@Test
	void albResponseCarriesTheStatusDescription() {
		ApplicationLoadBalancerResponseEvent response = new ApplicationLoadBalancerResponseEvent();
		response.setStatusCode(404);
		response.setStatusDescription("404 Not Found");
		response.setHeaders(Map.of("Content-Type", "text/html"));
		response.setBody("<h1>gone</h1>");
		assertThat(tree(write(response))).isEqualTo(tree("""
				{"statusCode": 404, "statusDescription": "404 Not Found", "headers": {"Content-Type": "text/html"},
				 "body": "<h1>gone</h1>", "isBase64Encoded": false}"""));
	}

	@ParameterizedTest
	@MethodSource("eventsWrittenBackVerbatim")
	void eventWrittenBackIsTheJsonLambdaSent(String name, Class<?> type) {
		assertThat(tree(write(read(name, type)))).isEqualTo(tree(event(name)));
	}

	static Stream<Arguments> eventsWrittenBackVerbatim() {
		return Stream.of(Arguments.of("apigateway-http.json", APIGatewayV2HTTPEvent.class),
				Arguments.of("alb.json", ApplicationLoadBalancerRequestEvent.class),
				Arguments.of("sqs.json", SQSEvent.class), Arguments.of("sns.json", SNSEvent.class),
				Arguments.of("s3.json", S3Event.class), Arguments.of("kinesis.json", KinesisEvent.class),
				Arguments.of("dynamodb.json", DynamodbEvent.class));
	}

	@Test
	void s3ObjectOfMoreThanTwoGigabytesKeepsItsSize() {
		byte[] fiveGigabytes = new String(event("s3.json"), StandardCharsets.UTF_8)
			.replace("\"size\": 48213", "\"size\": 5368709120")
			.getBytes(StandardCharsets.UTF_8);
		S3Event event = read(bootMapper(), fiveGigabytes, S3Event.class);
		assertThat(event.getRecords().get(0).getS3().getObject().getSizeAsLong()).isEqualTo(5368709120L);
		assertThat(tree(write(event)).at("/Records/0/s3/object/size").asLong()).isEqualTo(5368709120L);
	}

	@Test
	void scheduledEventWrittenBackKeepsDetailTypeAndTime() {
		JsonNode written = tree(write(read("eventbridge.json", ScheduledEvent.class)));
		assertThat(written.get("detail-type").asString()).isEqualTo("EC2 Instance State-change Notification");
		assertThat(written.get("time").asString()).isEqualTo("2024-06-14T09:35:21.000Z");
		assertThat(written.get("detail")).isEqualTo(tree(event("eventbridge.json")).get("detail"));
	}

	private static String written(Object result) {
		return new String(write(result), StandardCharsets.UTF_8);
	}

	private static JsonNode tree(byte[] bytes) {
		return json.readTree(bytes);
	}

	private static JsonNode tree(String text) {
		return json.readTree(text);
	}

}
