package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Finds the Runtime API address: the {@code lambda.runtime.api} property, else the
 * {@code AWS_LAMBDA_RUNTIME_API} environment variable, unless {@code lambda.runtime.enabled} is
 * {@code false}. The one place that decides whether the loop runs.
 */
final class RuntimeApiAddress {

	static final String API_PROPERTY = "lambda.runtime.api";

	static final String ENABLED_PROPERTY = "lambda.runtime.enabled";

	private RuntimeApiAddress() {
	}

	/** The address to serve from, or {@code null} when the loop must not run. */
	static @Nullable String resolve(PropertyResolver properties) {
		if (!properties.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return null;
		}
		String address = properties.getProperty(API_PROPERTY);
		if (!StringUtils.hasText(address)) {
			address = properties.getProperty(RuntimeApiProtocol.RUNTIME_API_VARIABLE);
		}
		return StringUtils.hasText(address) ? address.trim() : null;
	}

	/** Where {@link #resolve} found the address, for messages. */
	static String describeSource(PropertyResolver properties) {
		return StringUtils.hasText(properties.getProperty(API_PROPERTY)) ? API_PROPERTY
				: RuntimeApiProtocol.RUNTIME_API_VARIABLE;
	}

}
