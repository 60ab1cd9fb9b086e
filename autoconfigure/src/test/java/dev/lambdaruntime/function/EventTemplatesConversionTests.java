package dev.lambdaruntime.function;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.lambdaruntime.function.AwsEventFixtures.bootMapper;
import static dev.lambdaruntime.function.AwsEventFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event template of the emulator's page, read from the emulator's jar as the page serves
 * it, reaches a function as the type the templates' index names, with its fields filled, converted
 * as the runtime converts events; and every event type the README lists has a template.
 */
class EventTemplatesConversionTests {

	private static final String TEMPLATES = "/dev/lambdaruntime/emulator/page/templates/";

	private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

	/** What each template must carry once converted: a check per template id. */
	private static final Map<String, Check<?>> CHECKS = Map.ofEntries(
			check("string", String.class, (event) -> assertThat(event).isEqualTo("hello")),
			check("json", Map.class, (event) -> assertThat(event).containsEntry("name", "Ada")),
			check("apigateway-rest", APIGatewayProxyRequestEvent.class, (event) -> {
				assertThat(event.getHttpMethod()).isEqualTo("GET");
				assertThat(event.getPathParameters()).containsEntry("id", "42");
				assertThat(event.getMultiValueQueryStringParameters()).containsEntry("expand", List.of("items"));
				assertThat(event.getRequestContext().getIdentity().getSourceIp()).isEqualTo("203.0.113.10");
				assertThat(event.getRequestContext().getRequestTimeEpoch()).isEqualTo(1767225600000L);
			}), check("apigateway-http", APIGatewayV2HTTPEvent.class, (event) -> {
				assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
				assertThat(event.getRouteKey()).isEqualTo("POST /orders");
				assertThat(event.getCookies()).containsExactly("session=abc");
				assertThat(event.getBody()).isEqualTo("{\"item\":\"book\",\"quantity\":1}");
			}), check("function-url", APIGatewayV2HTTPEvent.class, (event) -> {
				assertThat(event.getRequestContext().getDomainName()).endsWith(".lambda-url.us-east-1.on.aws");
				assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("203.0.113.10");
				assertThat(event.getQueryStringParameters()).containsEntry("dryRun", "false");
				assertThat(event.getIsBase64Encoded()).isFalse();
			}), check("alb", ApplicationLoadBalancerRequestEvent.class, (event) -> {
				assertThat(event.getRequestContext().getElb().getTargetGroupArn()).contains(":targetgroup/orders/");
				assertThat(event.getPath()).isEqualTo("/orders/42");
				assertThat(event.getHeaders()).containsEntry("x-forwarded-for", "203.0.113.10");
			}), check("sqs", SQSEvent.class, (event) -> {
				SQSEvent.SQSMessage message = event.getRecords().get(0);
				assertThat(message.getBody()).isEqualTo("Order 42 was paid");
				assertThat(message.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:orders");
				assertThat(message.getAttributes()).containsEntry("ApproximateReceiveCount", "1");
				assertThat(message.getMessageAttributes().get("priority").getStringValue()).isEqualTo("high");
			}), check("sns", SNSEvent.class, (event) -> {
				SNSEvent.SNS sns = event.getRecords().get(0).getSNS();
				assertThat(sns.getMessage()).isEqualTo("Order 42 was paid");
				assertThat(sns.getTopicArn()).isEqualTo("arn:aws:sns:us-east-1:123456789012:orders");
				assertThat(sns.getTimestamp().getMillis()).isEqualTo(1767225600000L);
				assertThat(sns.getMessageAttributes().get("priority").getValue()).isEqualTo("high");
			}), check("s3", S3Event.class, (event) -> {
				var record = event.getRecords().get(0);
				assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
				assertThat(record.getS3().getBucket().getName()).isEqualTo("invoices");
				assertThat(record.getS3().getObject().getKey()).isEqualTo("2026/01/invoice-42.pdf");
				assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(1024L);
				assertThat(record.getResponseElements().getxAmzRequestId()).isEqualTo("C3D13FE58DE4C810");
			}), check("eventbridge", ScheduledEvent.class, (event) -> {
				assertThat(event.getDetailType()).isEqualTo("Order Paid");
				assertThat(event.getSource()).isEqualTo("com.example.orders");
				assertThat(event.getDetail()).containsEntry("orderId", "42").containsEntry("currency", "EUR");
			}), check("eventbridge-scheduled", ScheduledEvent.class, (event) -> {
				assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
				assertThat(event.getResources()).containsExactly("arn:aws:events:us-east-1:123456789012:rule/nightly-report");
				assertThat(event.getTime().getMillis()).isEqualTo(1767225600000L);
			}), check("dynamodb-stream", DynamodbEvent.class, (event) -> {
				var record = event.getRecords().get(0);
				assertThat(record.getEventName()).isEqualTo("INSERT");
				assertThat(record.getDynamodb().getNewImage().get("Status").getS()).isEqualTo("PAID");
				assertThat(record.getDynamodb().getKeys().get("Id").getN()).isEqualTo("42");
				assertThat(record.getDynamodb().getApproximateCreationDateTime().getTime()).isEqualTo(1767225600000L);
			}), check("kinesis", KinesisEvent.class, (event) -> {
				var record = event.getRecords().get(0);
				assertThat(record.getKinesis().getPartitionKey()).isEqualTo("order-42");
				assertThat(StandardCharsets.UTF_8.decode(record.getKinesis().getData()).toString())
					.isEqualTo("Order 42 was paid");
				assertThat(record.getKinesis().getApproximateArrivalTimestamp().getTime()).isEqualTo(1767225600123L);
				assertThat(record.getEventSourceARN()).isEqualTo("arn:aws:kinesis:us-east-1:123456789012:stream/orders");
			}), check("kafka-msk", KafkaEvent.class, (event) -> {
				assertThat(event.getEventSource()).isEqualTo("aws:kafka");
				assertThat(event.getEventSourceArn()).startsWith("arn:aws:kafka:us-east-1:123456789012:cluster/orders/");
				assertKafkaRecord(event);
			}), check("kafka-self-managed", KafkaEvent.class, (event) -> {
				assertThat(event.getEventSource()).isEqualTo("SelfManagedKafka");
				assertThat(event.getBootstrapServers()).isEqualTo("kafka-1.example.com:9092,kafka-2.example.com:9092");
				assertKafkaRecord(event);
			}), check("cloudwatch-logs", CloudWatchLogsEvent.class, (event) -> {
				JsonNode logs = gunzipJson(event.getAwsLogs().getData());
				assertThat(logs.get("logGroup").asString()).isEqualTo("/aws/lambda/orders");
				assertThat(logs.at("/logEvents/0/message").asString()).isEqualTo("ERROR Order 42 could not be paid");
			}));

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("templates")
	void templateReachesAFunctionAsTheTypeItsIndexNames(String id, String javaType) throws IOException {
		Check<?> check = CHECKS.get(id);
		assertThat(check).as("the fields to check in template %s", id).isNotNull();
		assertThat(check.type().getName()).isEqualTo(javaType);
		check.convertAndAssert(resource(id + ".json"));
	}

	@Test
	void everyEventTypeTheReadmeListsHasATemplate() throws IOException {
		String readme = Files.readString(Path.of("../README.md"));
		String section = readme.substring(readme.indexOf("### AWS event types"));
		section = section.substring(0, section.indexOf("\n#", 1));
		Matcher listed = Pattern.compile("`(\\w+Event)`").matcher(section);
		List<String> requestEvents = listed.results()
			.map((match) -> match.group(1))
			.filter((name) -> !name.endsWith("ResponseEvent"))
			.map((name) -> EVENTS_PACKAGE + name)
			.distinct()
			.toList();

		assertThat(requestEvents).as("the event classes listed in the README").isNotEmpty();
		assertThat(templates().map((template) -> (String) template.get()[1])).containsAll(requestEvents);
	}

	static Stream<Arguments> templates() throws IOException {
		JsonNode index = JsonMapper.shared().readTree(resource("index.json"));
		return index.valueStream()
			.map((template) -> Arguments.of(template.get("id").asString(), template.get("javaType").asString()));
	}

	private static void assertKafkaRecord(KafkaEvent event) {
		KafkaEvent.KafkaEventRecord record = event.getRecords().get("orders-0").get(0);
		assertThat(record.getTopic()).isEqualTo("orders");
		assertThat(record.getOffset()).isEqualTo(15);
		assertThat(Base64.getDecoder().decode(record.getValue())).asString(StandardCharsets.UTF_8)
			.isEqualTo("Order 42 was paid");
		assertThat(record.getHeaders().get(0).get("source")).asString(StandardCharsets.UTF_8).isEqualTo("checkout");
	}

	private static JsonNode gunzipJson(String base64) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
			return JsonMapper.shared().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = EventTemplatesConversionTests.class.getResourceAsStream(TEMPLATES + name)) {
			assertThat(in).as("%s%s from the emulator's jar", TEMPLATES, name).isNotNull();
			return in.readAllBytes();
		}
	}

	private static <T> Map.Entry<String, Check<?>> check(String id, Class<T> type, Consumer<T> assertions) {
		return Map.entry(id, new Check<>(type, assertions));
	}

	/** A template's type and what its converted event must hold. */
	private record Check<T>(Class<T> type, Consumer<T> assertions) {

		void convertAndAssert(byte[] template) {
			this.assertions.accept(read(bootMapper(), template, this.type));
		}

	}

}
