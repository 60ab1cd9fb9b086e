package dev.lambdaruntime.events;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.introspect.MixInResolver;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The Jackson mixins that give {@code aws-lambda-java-events} classes Lambda's JSON names and
 * formats where their bean properties differ, so that events are written as they are read; looked
 * up by class name, so the events library stays optional. Modelled on AWS's own
 * {@code LambdaEventSerializers}.
 */
final class AwsEventMixins implements MixInResolver {

	private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";

	private static final String S3 = EVENTS + "models.s3.S3EventNotification";

	/** Event class name to mixin: the one list of what needs one. */
	private static final Map<String, Class<?>> MIXINS = Map.ofEntries(
			Map.entry(EVENTS + "SQSEvent", Records.class),
			Map.entry(EVENTS + "SQSEvent$SQSMessage", SqsMessage.class),
			Map.entry(EVENTS + "SNSEvent", Records.class),
			Map.entry(EVENTS + "SNSEvent$SNSRecord", SnsRecord.class),
			Map.entry(EVENTS + "SNSEvent$SNS", PascalCase.class),
			Map.entry(EVENTS + "SNSEvent$MessageAttribute", PascalCase.class),
			Map.entry(S3, Records.class),
			Map.entry(S3 + "$ResponseElementsEntity", S3ResponseElements.class),
			Map.entry(S3 + "$S3ObjectEntity", S3Object.class),
			Map.entry(EVENTS + "ScheduledEvent", ScheduledEvent.class),
			Map.entry(EVENTS + "KinesisEvent", Records.class),
			Map.entry(EVENTS + "models.kinesis.Record", KinesisRecord.class),
			Map.entry(EVENTS + "DynamodbEvent", Records.class),
			Map.entry(EVENTS + "models.dynamodb.StreamRecord", DynamodbStreamRecord.class),
			Map.entry(EVENTS + "models.dynamodb.AttributeValue", DynamodbAttributeValue.class));

	@Override
	public @Nullable Class<?> findMixInClassFor(Class<?> type) {
		return MIXINS.get(type.getName());
	}

	@Override
	public boolean hasMixIns() {
		return true;
	}

	@Override
	public MixInResolver snapshot() {
		return this;
	}

	/** Event batches: {@code Records}, not {@code records}. */
	abstract static class Records {

		@JsonProperty("Records")
		abstract List<?> getRecords();

	}

	/** SQS message: {@code eventSourceARN}, not the getter's {@code eventSourceArn}. */
	abstract static class SqsMessage {

		@JsonProperty("eventSourceARN")
		abstract String getEventSourceArn();

	}

	/** SNS notification and message attribute: every name is PascalCase ({@code MessageId}, {@code Type}). */
	@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
	abstract static class PascalCase {

	}

	/** SNS record: PascalCase, and {@code Sns} for a getter spelled {@code getSNS} next to {@code setSns}. */
	abstract static class SnsRecord extends PascalCase {

		@JsonProperty("Sns")
		abstract Object getSNS();

	}

	/** S3 response elements: the {@code x-amz-*} header names. */
	abstract static class S3ResponseElements {

		@JsonProperty("x-amz-id-2")
		abstract String getxAmzId2();

		@JsonProperty("x-amz-request-id")
		abstract String getxAmzRequestId();

	}

	/** S3 object: {@code eTag}, {@code size} as the full {@code long}, no derived URL-decoded key. */
	abstract static class S3Object {

		@JsonProperty("eTag")
		abstract String geteTag();

		@JsonIgnore
		abstract Integer getSize();

		@JsonProperty("size")
		abstract Long getSizeAsLong();

		@JsonIgnore
		abstract String getUrlDecodedKey();

	}

	/** EventBridge event: {@code detail-type}. */
	abstract static class ScheduledEvent {

		@JsonProperty("detail-type")
		abstract String getDetailType();

	}

	/** Kinesis record: arrival time in fractional epoch seconds. */
	abstract static class KinesisRecord {

		@JsonSerialize(using = EpochSecondsSerializer.class)
		@JsonDeserialize(using = EpochSecondsDeserializer.class)
		abstract Date getApproximateArrivalTimestamp();

	}

	/** DynamoDB stream record: PascalCase names, creation time in epoch seconds. */
	abstract static class DynamodbStreamRecord extends PascalCase {

		@JsonSerialize(using = EpochSecondsSerializer.class)
		@JsonDeserialize(using = EpochSecondsDeserializer.class)
		abstract Date getApproximateCreationDateTime();

	}

	/** DynamoDB attribute value: the type descriptors {@code S}, {@code N}, {@code BOOL} and so on. */
	abstract static class DynamodbAttributeValue {

		@JsonProperty("S")
		abstract String getS();

		@JsonProperty("N")
		abstract String getN();

		@JsonProperty("B")
		abstract ByteBuffer getB();

		@JsonProperty("SS")
		abstract List<String> getSS();

		@JsonProperty("NS")
		abstract List<String> getNS();

		@JsonProperty("BS")
		abstract List<ByteBuffer> getBS();

		@JsonProperty("M")
		abstract Map<?, ?> getM();

		@JsonProperty("L")
		abstract List<?> getL();

		@JsonProperty("NULL")
		abstract Boolean getNULL();

		@JsonProperty("BOOL")
		abstract Boolean getBOOL();

	}

	/** Writes a {@link Date} as fractional seconds since the epoch, as Kinesis and DynamoDB do. */
	static final class EpochSecondsSerializer extends StdSerializer<Date> {

		EpochSecondsSerializer() {
			super(Date.class);
		}

		@Override
		public void serialize(Date value, JsonGenerator generator, SerializationContext context) {
			generator.writeNumber(BigDecimal.valueOf(value.getTime(), 3).stripTrailingZeros().toPlainString());
		}

	}

	/** Reads a {@link Date} from (fractional) seconds since the epoch, as Kinesis and DynamoDB send it. */
	static final class EpochSecondsDeserializer extends StdDeserializer<Date> {

		EpochSecondsDeserializer() {
			super(Date.class);
		}

		@Override
		public Date deserialize(JsonParser parser, DeserializationContext context) {
			return new Date(parser.getDecimalValue().movePointRight(3).longValue());
		}

	}

}
