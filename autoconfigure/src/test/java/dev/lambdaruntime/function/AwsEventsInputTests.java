package dev.lambdaruntime.function;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static dev.lambdaruntime.function.AwsEventFixtures.bootMapper;
import static dev.lambdaruntime.function.AwsEventFixtures.event;
import static dev.lambdaruntime.function.AwsEventFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * AWS's sample events reach a function as the {@code aws-lambda-java-events} classes, every field
 * filled, including those whose JSON names are not their bean names.
 */
class AwsEventsInputTests {

	@Test
	void apiGatewayRestEventCarriesPathParametersHeadersSourceIpAndBody() {
		APIGatewayProxyRequestEvent event = read("apigateway-rest.json", APIGatewayProxyRequestEvent.class);
		assertThat(event.getHttpMethod()).isEqualTo("POST");
		assertThat(event.getResource()).isEqualTo("/orders/{orderId}");
		assertThat(event.getPath()).isEqualTo("/orders/ord-4711");
		assertThat(event.getPathParameters()).containsExactly(Map.entry("orderId", "ord-4711"));
		assertThat(event.getHeaders()).containsEntry("Content-Type", "application/json").hasSize(8);
		assertThat(event.getMultiValueQueryStringParameters()).containsEntry("expand", List.of("items", "customer"));
		assertThat(event.getStageVariables()).containsExactly(Map.entry("table", "orders-prod"));
		assertThat(event.getRequestContext().getIdentity().getSourceIp()).isEqualTo("198.51.100.23");
		assertThat(event.getRequestContext().getRequestTimeEpoch()).isEqualTo(1718357412345L);
		assertThat(event.getRequestContext().getAuthorizer()).containsEntry("principalId", "user-8f2c");
		assertThat(event.getBody()).isEqualTo("{\"quantity\":3,\"sku\":\"TEA-GREEN-250\"}");
		assertThat(event.getIsBase64Encoded()).isFalse();
	}

	@Test
	void httpApiEventCarriesMethodRawPathCookiesClaimsAndBase64Body() {
		APIGatewayV2HTTPEvent event = read("apigateway-http.json", APIGatewayV2HTTPEvent.class);
		assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("PUT");
		assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("203.0.113.77");
		assertThat(event.getRawPath()).isEqualTo("/carts/c-2207");
		assertThat(event.getRawQueryString()).isEqualTo("currency=EUR&coupon=SPRING&coupon=LOYAL");
		assertThat(event.getCookies()).containsExactly("session=9f86d081884c7d65", "theme=dark");
		assertThat(event.getPathParameters()).containsExactly(Map.entry("cartId", "c-2207"));
		assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
			.containsEntry("scope", "carts:write");
		assertThat(event.getRequestContext().getTimeEpoch()).isEqualTo(1718357465021L);
		assertThat(event.getIsBase64Encoded()).isTrue();
		assertThat(Base64.getDecoder().decode(event.getBody())).asString(StandardCharsets.UTF_8)
			.isEqualTo("{\"items\":[\"TEA-1\"]}");
	}

	@Test
	void albEventCarriesTargetGroupQueryAndHeaders() {
		ApplicationLoadBalancerRequestEvent event = read("alb.json", ApplicationLoadBalancerRequestEvent.class);
		assertThat(event.getRequestContext().getElb().getTargetGroupArn())
			.isEqualTo("arn:aws:elasticloadbalancing:eu-west-1:210987654321:targetgroup/inventory-tg/4c7f1e2d9a8b6c5d");
		assertThat(event.getHttpMethod()).isEqualTo("GET");
		assertThat(event.getPath()).isEqualTo("/inventory/items");
		assertThat(event.getQueryStringParameters()).containsEntry("warehouse", "DUB-2").containsEntry("limit", "25");
		assertThat(event.getHeaders()).containsEntry("x-forwarded-for", "192.0.2.44");
		assertThat(event.getBody()).isEmpty();
		assertThat(event.getIsBase64Encoded()).isFalse();
	}

	@Test
	void sqsEventCarriesEventSourceArnAttributesAndMessageAttributes() {
		List<SQSEvent.SQSMessage> messages = read("sqs.json", SQSEvent.class).getRecords();
		assertThat(messages).extracting(SQSEvent.SQSMessage::getMessageId)
			.containsExactly("0e5c1a3b-7f2d-4c8e-9a61-2b4d6f8a0c13", "9b2f4d6a-1c3e-4a5b-8d7f-6e0a2c4b8d19");
		SQSEvent.SQSMessage message = messages.get(0);
		assertThat(message.getEventSourceArn()).isEqualTo("arn:aws:sqs:eu-west-1:210987654321:order-events");
		assertThat(message.getEventSource()).isEqualTo("aws:sqs");
		assertThat(message.getAwsRegion()).isEqualTo("eu-west-1");
		assertThat(message.getBody()).isEqualTo("{\"orderId\":\"ord-4711\",\"action\":\"ship\"}");
		assertThat(message.getMd5OfMessageAttributes()).isEqualTo("5c1f0d3e2b7a9c8d4e6f1a2b3c4d5e6f");
		assertThat(message.getAttributes()).containsEntry("ApproximateReceiveCount", "1")
			.containsEntry("SentTimestamp", "1718357500123");
		SQSEvent.MessageAttribute tenant = message.getMessageAttributes().get("tenant");
		assertThat(tenant.getDataType()).isEqualTo("String");
		assertThat(tenant.getStringValue()).isEqualTo("acme");
		assertThat(bytes(message.getMessageAttributes().get("checksum").getBinaryValue()))
			.containsExactly(0xde, 0xad, 0xbe, 0xef);
		assertThat(messages.get(1).getMessageAttributes()).isEmpty();
	}

	@Test
	void snsEventCarriesMessageAttributesAndTimestamp() {
		SNSEvent.SNSRecord record = read("sns.json", SNSEvent.class).getRecords().get(0);
		assertThat(record.getEventSource()).isEqualTo("aws:sns");
		assertThat(record.getEventSubscriptionArn()).startsWith("arn:aws:sns:eu-west-1:210987654321:price-alerts:");
		SNSEvent.SNS sns = record.getSNS();
		assertThat(sns.getType()).isEqualTo("Notification");
		assertThat(sns.getMessageId()).isEqualTo("6f1e3d5c-7b9a-4c2e-8f0d-1a3b5c7d9e2f");
		assertThat(sns.getTopicArn()).isEqualTo("arn:aws:sns:eu-west-1:210987654321:price-alerts");
		assertThat(sns.getSubject()).isEqualTo("Price alert");
		assertThat(sns.getMessage()).isEqualTo("Green tea dropped below 4.50 EUR");
		assertThat(instant(sns.getTimestamp())).isEqualTo("2024-06-14T09:32:10.517Z");
		assertThat(sns.getSigningCertUrl()).endsWith(".pem");
		assertThat(sns.getMessageAttributes().get("threshold").getType()).isEqualTo("Number");
		assertThat(sns.getMessageAttributes().get("threshold").getValue()).isEqualTo("4.5");
	}

	@Test
	void s3EventCarriesBucketKeySizeAndEventTime() {
		S3EventNotificationRecord record = read("s3.json", S3Event.class).getRecords().get(0);
		assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
		assertThat(instant(record.getEventTime())).isEqualTo("2024-06-14T09:33:47.281Z");
		assertThat(record.getS3().getBucket().getName()).isEqualTo("acme-invoices-eu");
		assertThat(record.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::acme-invoices-eu");
		S3ObjectEntity object = record.getS3().getObject();
		assertThat(object.getKey()).isEqualTo("2024/06/invoice+no.+42.pdf");
		assertThat(object.getUrlDecodedKey()).isEqualTo("2024/06/invoice no. 42.pdf");
		assertThat(object.getSizeAsLong()).isEqualTo(48213L);
		assertThat(object.geteTag()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
		assertThat(object.getSequencer()).isEqualTo("0066A1B2C3D4E5F601");
		assertThat(record.getRequestParameters().getSourceIPAddress()).isEqualTo("198.51.100.23");
		assertThat(record.getResponseElements().getxAmzRequestId()).isEqualTo("C3D13FE58DE4C810");
		assertThat(record.getResponseElements().getxAmzId2()).startsWith("FMyUVURIY8/");
		assertThat(record.getUserIdentity().getPrincipalId()).isEqualTo("AWS:AIDAXAMPLEUPLOADER9");
	}

	@Test
	void scheduledEventCarriesDetailTypeSourceAndTime() {
		ScheduledEvent event = read("scheduled.json", ScheduledEvent.class);
		assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
		assertThat(event.getSource()).isEqualTo("aws.events");
		assertThat(instant(event.getTime())).isEqualTo("2024-06-14T10:00:00Z");
		assertThat(event.getResources()).containsExactly("arn:aws:events:eu-west-1:210987654321:rule/nightly-report");
		assertThat(event.getDetail()).isEmpty();
	}

	@Test
	void eventBridgeEventCarriesItsDetailAsAMap() {
		ScheduledEvent event = read("eventbridge.json", ScheduledEvent.class);
		assertThat(event.getDetailType()).isEqualTo("EC2 Instance State-change Notification");
		assertThat(event.getSource()).isEqualTo("aws.ec2");
		assertThat(event.getAccount()).isEqualTo("210987654321");
		assertThat(event.getDetail()).containsEntry("instance-id", "i-0a1b2c3d4e5f67890")
			.containsEntry("state", "stopped")
			.containsEntry("tags", Map.of("team", "billing"));
		assertThat(instant(event.getTime())).isEqualTo("2024-06-14T09:35:21Z");
	}

	@Test
	void kinesisEventCarriesDecodedDataAndArrivalTime() {
		KinesisEvent.KinesisEventRecord record = read("kinesis.json", KinesisEvent.class).getRecords().get(0);
		assertThat(record.getEventSourceARN()).isEqualTo("arn:aws:kinesis:eu-west-1:210987654321:stream/telemetry");
		assertThat(record.getEventID()).startsWith("shardId-000000000003:");
		KinesisEvent.Record kinesis = record.getKinesis();
		assertThat(bytes(kinesis.getData())).asString(StandardCharsets.UTF_8)
			.isEqualTo("{\"sensor\": 17, \"celsius\": 21.5}");
		assertThat(kinesis.getApproximateArrivalTimestamp().toInstant()).isEqualTo("2024-06-14T09:36:00.528Z");
		assertThat(kinesis.getPartitionKey()).isEqualTo("sensor-17");
		assertThat(kinesis.getEncryptionType()).isEqualTo("KMS");
		assertThat(kinesis.getKinesisSchemaVersion()).isEqualTo("1.0");
	}

	@Test
	void dynamodbEventCarriesKeysImagesAndStreamDetails() {
		List<DynamodbStreamRecord> records = read("dynamodb.json", DynamodbEvent.class).getRecords();
		assertThat(records).extracting(DynamodbStreamRecord::getEventName).containsExactly("INSERT", "REMOVE");
		DynamodbStreamRecord insert = records.get(0);
		assertThat(insert.getEventSourceARN()).endsWith(":table/customers/stream/2024-06-01T00:00:00.000");
		assertThat(insert.getUserIdentity().getPrincipalId()).isEqualTo("dynamodb.amazonaws.com");
		assertThat(insert.getDynamodb().getApproximateCreationDateTime().toInstant()).isEqualTo("2024-06-14T09:38:00Z");
		assertThat(insert.getDynamodb().getSequenceNumber()).isEqualTo("111100000000004512345678");
		assertThat(insert.getDynamodb().getSizeBytes()).isEqualTo(214L);
		assertThat(insert.getDynamodb().getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
		assertThat(insert.getDynamodb().getKeys()).containsOnlyKeys("pk", "sk");
		assertThat(insert.getDynamodb().getKeys().get("pk").getS()).isEqualTo("CUSTOMER#c-881");
		assertThat(insert.getDynamodb().getKeys().get("sk").getN()).isEqualTo("20240614");
		assertThat(insert.getDynamodb().getOldImage()).isNull();
		assertThat(records.get(1).getDynamodb().getOldImage().get("vip").getBOOL()).isFalse();
	}

	@Test
	void dynamodbImageCarriesEveryAttributeValueType() {
		Map<String, AttributeValue> image = read("dynamodb.json", DynamodbEvent.class).getRecords()
			.get(0)
			.getDynamodb()
			.getNewImage();
		assertThat(bytes(image.get("avatar").getB())).startsWith(0x89, 'P', 'N', 'G');
		assertThat(image.get("vip").getBOOL()).isTrue();
		assertThat(image.get("nickname").getNULL()).isTrue();
		assertThat(image.get("address").getM().get("city").getS()).isEqualTo("Galway");
		assertThat(image.get("recent").getL()).extracting(AttributeValue::getS, AttributeValue::getN)
			.containsExactly(tuple("ord-4711", null), tuple(null, "3"));
		assertThat(image.get("tags").getSS()).containsExactly("tea", "coffee");
		assertThat(image.get("scores").getNS()).containsExactly("7", "9.5");
		assertThat(image.get("keys").getBS()).extracting(AwsEventsInputTests::bytes)
			.containsExactly(new byte[] { 1, 2, 3 }, new byte[] { 4, 5, 6 });
		assertThat(image.get("pk").getN()).isNull();
	}

	@Test
	void eventFieldsKeepTheirNamesWhateverTheApplicationsNamingStrategy() {
		JsonMapper snakeCase = bootMapper().rebuild()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.build();
		SQSEvent.SQSMessage message = read(snakeCase, event("sqs.json"), SQSEvent.class).getRecords().get(0);
		assertThat(message.getMessageId()).isEqualTo("0e5c1a3b-7f2d-4c8e-9a61-2b4d6f8a0c13");
		assertThat(message.getEventSourceArn()).isEqualTo("arn:aws:sqs:eu-west-1:210987654321:order-events");
	}

	@Test
	void jodaTimesAreReadEvenWhenTheApplicationsMapperHasNoJodaModule() {
		JsonMapper plain = JsonMapper.builder().build();
		SNSEvent.SNS sns = read(plain, event("sns.json"), SNSEvent.class).getRecords().get(0).getSNS();
		assertThat(instant(sns.getTimestamp())).isEqualTo("2024-06-14T09:32:10.517Z");
	}

	private static Instant instant(DateTime time) {
		return Instant.ofEpochMilli(time.getMillis());
	}

	private static byte[] bytes(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

}
