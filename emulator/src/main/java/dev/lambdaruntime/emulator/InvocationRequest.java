package dev.lambdaruntime.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.lambdaruntime.emulator.invocation.Durations;
import org.jspecify.annotations.Nullable;

/**
 * An immutable event to invoke the function with, and the invocation details the runtime receives
 * along with it.
 *
 * @since 0.1.0
 */
public final class InvocationRequest {

	private final byte[] payload;

	private final String requestId;

	private final String traceId;

	private final @Nullable String clientContext;

	private final @Nullable String cognitoIdentity;

	private final @Nullable String tenantId;

	private final @Nullable String invokedFunctionArn;

	private final @Nullable Duration timeout;

	private InvocationRequest(Builder builder) {
		this.payload = builder.payload;
		this.requestId = (builder.requestId != null) ? builder.requestId : UUID.randomUUID().toString();
		this.traceId = (builder.traceId != null) ? builder.traceId : generateTraceId();
		this.clientContext = builder.clientContext;
		this.cognitoIdentity = builder.cognitoIdentity;
		this.tenantId = builder.tenantId;
		this.invokedFunctionArn = builder.invokedFunctionArn;
		this.timeout = builder.timeout;
	}

	/**
	 * Starts a request for the given event bytes.
	 * @param payload the event, copied
	 * @return a builder for the optional details
	 */
	public static Builder builder(byte[] payload) {
		return new Builder(payload.clone());
	}

	/**
	 * Starts a request for the given JSON event.
	 * @param json the event, sent as its UTF-8 bytes
	 * @return a builder for the optional details
	 */
	public static Builder builder(String json) {
		return new Builder(json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Creates a request for the given JSON event with default details.
	 * @param json the event, sent as its UTF-8 bytes
	 * @return the request
	 */
	public static InvocationRequest of(String json) {
		return builder(json).build();
	}

	/**
	 * Returns a copy of the event bytes.
	 * @return the event
	 */
	public byte[] payload() {
		return this.payload.clone();
	}

	/**
	 * Returns the number of event bytes, without copying them.
	 * @return the event's length
	 */
	public int payloadLength() {
		return this.payload.length;
	}

	/**
	 * Returns the request id: the one given, or a random UUID.
	 * @return the request id
	 */
	public String requestId() {
		return this.requestId;
	}

	/**
	 * Returns the X-Ray trace header: the one given, or a generated unsampled one.
	 * @return the trace header
	 */
	public String traceId() {
		return this.traceId;
	}

	/**
	 * Returns the client context JSON, if given.
	 * @return the client context
	 */
	public Optional<String> clientContext() {
		return Optional.ofNullable(this.clientContext);
	}

	/**
	 * Returns the Cognito identity JSON, if given.
	 * @return the Cognito identity
	 */
	public Optional<String> cognitoIdentity() {
		return Optional.ofNullable(this.cognitoIdentity);
	}

	/**
	 * Returns the tenant id, if given.
	 * @return the tenant id
	 */
	public Optional<String> tenantId() {
		return Optional.ofNullable(this.tenantId);
	}

	/**
	 * Returns the invoked function ARN, if given; the emulator otherwise derives one from its
	 * function name.
	 * @return the invoked function ARN
	 */
	public Optional<String> invokedFunctionArn() {
		return Optional.ofNullable(this.invokedFunctionArn);
	}

	/**
	 * Returns the timeout, if given; the emulator otherwise applies its own.
	 * @return the timeout
	 */
	public Optional<Duration> timeout() {
		return Optional.ofNullable(this.timeout);
	}

	private static String generateTraceId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return String.format(Locale.ROOT, "Root=1-%08x-%08x%016x;Parent=%016x;Sampled=0",
				Instant.now().getEpochSecond(), random.nextInt(), random.nextLong(), random.nextLong());
	}

	/**
	 * Collects the optional details of an {@link InvocationRequest}.
	 */
	public static final class Builder {

		private final byte[] payload;

		private @Nullable String requestId;

		private @Nullable String traceId;

		private @Nullable String clientContext;

		private @Nullable String cognitoIdentity;

		private @Nullable String tenantId;

		private @Nullable String invokedFunctionArn;

		private @Nullable Duration timeout;

		private Builder(byte[] payload) {
			this.payload = payload;
		}

		/**
		 * Sets the request id, instead of a random UUID.
		 * @param requestId a non-blank id
		 * @return this builder
		 */
		public Builder requestId(String requestId) {
			if (requestId.isBlank()) {
				throw new IllegalArgumentException("The request id must not be blank");
			}
			this.requestId = headerValue("request id", requestId);
			return this;
		}

		/**
		 * Sets the X-Ray trace header, instead of a generated one.
		 * @param traceId the trace header
		 * @return this builder
		 */
		public Builder traceId(String traceId) {
			this.traceId = headerValue("trace id", traceId);
			return this;
		}

		/**
		 * Sets the client context, passed on as the {@code Lambda-Runtime-Client-Context} header.
		 * @param clientContext single-line JSON
		 * @return this builder
		 */
		public Builder clientContext(String clientContext) {
			this.clientContext = headerValue("client context", clientContext);
			return this;
		}

		/**
		 * Sets the Cognito identity, passed on as the {@code Lambda-Runtime-Cognito-Identity}
		 * header.
		 * @param cognitoIdentity single-line JSON
		 * @return this builder
		 */
		public Builder cognitoIdentity(String cognitoIdentity) {
			this.cognitoIdentity = headerValue("Cognito identity", cognitoIdentity);
			return this;
		}

		/**
		 * Sets the tenant id, passed on as the {@code Lambda-Runtime-Aws-Tenant-Id} header.
		 * @param tenantId the tenant id
		 * @return this builder
		 */
		public Builder tenantId(String tenantId) {
			this.tenantId = headerValue("tenant id", tenantId);
			return this;
		}

		/**
		 * Sets the invoked function ARN, instead of the emulator's default.
		 * @param invokedFunctionArn the ARN, possibly with a version or alias
		 * @return this builder
		 */
		public Builder invokedFunctionArn(String invokedFunctionArn) {
			this.invokedFunctionArn = headerValue("invoked function ARN", invokedFunctionArn);
			return this;
		}

		/**
		 * Sets this invocation's timeout, instead of the emulator's default.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = Durations.requirePositive(timeout, "timeout");
			return this;
		}

		/**
		 * Creates the request.
		 * @return the request
		 */
		public InvocationRequest build() {
			return new InvocationRequest(this);
		}

		private static String headerValue(String description, String value) {
			if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
				throw new IllegalArgumentException("The " + description + " is sent as a header value, so it must not"
						+ " contain line breaks");
			}
			return value;
		}

	}

}
