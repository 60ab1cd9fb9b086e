package dev.lambdaruntime.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the Lambda runtime, under {@code lambda.runtime}: the one source of these
 * settings, bound before the context exists too where a condition needs them.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(LambdaRuntimeProperties.PREFIX)
public class LambdaRuntimeProperties {

	static final String PREFIX = "lambda.runtime";

	/**
	 * Whether to serve invocations from the Lambda Runtime API when its address is known.
	 */
	private boolean enabled = true;

	/**
	 * Address of the Lambda Runtime API, host:port with an optional path prefix. Defaults to
	 * the AWS_LAMBDA_RUNTIME_API environment variable.
	 */
	private @Nullable String api;

	/**
	 * How many invocations to serve at once, each with its own poller and connection. Defaults
	 * to the AWS_LAMBDA_MAX_CONCURRENCY environment variable, else 1.
	 */
	private @Nullable Integer concurrency;

	private final Streaming streaming = new Streaming();

	/**
	 * Whether error reports sent to Lambda, and so to the invoker, carry the failure's stack
	 * traces. The logs always have them.
	 */
	private boolean includeStackTraces = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getApi() {
		return this.api;
	}

	public void setApi(@Nullable String api) {
		this.api = api;
	}

	public @Nullable Integer getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(@Nullable Integer concurrency) {
		this.concurrency = concurrency;
	}

	public boolean isIncludeStackTraces() {
		return this.includeStackTraces;
	}

	public void setIncludeStackTraces(boolean includeStackTraces) {
		this.includeStackTraces = includeStackTraces;
	}

	public Streaming getStreaming() {
		return this.streaming;
	}

	/**
	 * Response streaming.
	 */
	public static class Streaming {

		/**
		 * Functions whose Flux or InputStream results are streamed to the invoker as they are
		 * produced. Results of type Flux<ByteBuffer>, Flux<byte[]>, BodyWriter and
		 * HttpIntegrationResponse are always streamed.
		 */
		private List<String> functions = new ArrayList<>();

		public List<String> getFunctions() {
			return this.functions;
		}

		public void setFunctions(List<String> functions) {
			this.functions = functions;
		}

	}

}
