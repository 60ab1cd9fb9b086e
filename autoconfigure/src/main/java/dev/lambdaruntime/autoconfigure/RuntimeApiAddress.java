package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Finds the Runtime API address: the {@code lambda.runtime.api} property, else the
 * {@code AWS_LAMBDA_RUNTIME_API} environment variable, unless {@code lambda.runtime.enabled} is
 * {@code false}; and how many invocations it hands out at once. The one place that decides
 * whether and how the loop runs.
 *
 * @since 0.1.0
 */
public final class RuntimeApiAddress {

	static final String API_PROPERTY = "lambda.runtime.api";

	static final String ENABLED_PROPERTY = "lambda.runtime.enabled";

	static final String CONCURRENCY_PROPERTY = "lambda.runtime.concurrency";

	static final String MAX_CONCURRENCY_VARIABLE = "AWS_LAMBDA_MAX_CONCURRENCY";

	private RuntimeApiAddress() {
	}

	/**
	 * Returns the address to serve from.
	 * @param properties the application's environment
	 * @return the address, or {@code null} when the loop must not run
	 */
	public static @Nullable String resolve(PropertyResolver properties) {
		if (!properties.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return null;
		}
		String address = properties.getProperty(API_PROPERTY);
		if (!StringUtils.hasText(address)) {
			address = properties.getProperty(RuntimeApiProtocol.RUNTIME_API_VARIABLE);
		}
		return StringUtils.hasText(address) ? address.trim() : null;
	}

	/**
	 * How many invocations to serve at once: {@code lambda.runtime.concurrency}, else
	 * {@code AWS_LAMBDA_MAX_CONCURRENCY}, else one.
	 */
	static int concurrency(PropertyResolver properties) {
		String name = StringUtils.hasText(properties.getProperty(CONCURRENCY_PROPERTY)) ? CONCURRENCY_PROPERTY
				: MAX_CONCURRENCY_VARIABLE;
		String value = properties.getProperty(name);
		if (!StringUtils.hasText(value)) {
			return 1;
		}
		try {
			int concurrency = Integer.parseInt(value.trim());
			if (concurrency >= 1) {
				return concurrency;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalStateException(name + " must be a whole number of at least 1, not '" + value + "'");
	}

	/** Where {@link #resolve} found the address, for messages. */
	static String describeSource(PropertyResolver properties) {
		return StringUtils.hasText(properties.getProperty(API_PROPERTY)) ? API_PROPERTY
				: RuntimeApiProtocol.RUNTIME_API_VARIABLE;
	}

}
