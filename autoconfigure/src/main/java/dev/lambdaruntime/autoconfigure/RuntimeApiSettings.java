package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreErrorsBindHandler;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Whether, where and how widely the loop serves: {@link LambdaRuntimeProperties} as bound, with
 * the variables Lambda sets ({@code AWS_LAMBDA_RUNTIME_API}, {@code AWS_LAMBDA_MAX_CONCURRENCY})
 * as defaults. The one place these settings are read, for the condition, the logging defaults,
 * the init-error reporter and the loops alike.
 */
final class RuntimeApiSettings {

	static final String API_PROPERTY = LambdaRuntimeProperties.PREFIX + ".api";

	static final String ENABLED_PROPERTY = LambdaRuntimeProperties.PREFIX + ".enabled";

	private static final String CONCURRENCY_PROPERTY = LambdaRuntimeProperties.PREFIX + ".concurrency";

	private static final String MAX_CONCURRENCY_VARIABLE = "AWS_LAMBDA_MAX_CONCURRENCY";

	private final LambdaRuntimeProperties properties;

	private final PropertyResolver environment;

	RuntimeApiSettings(LambdaRuntimeProperties properties, PropertyResolver environment) {
		this.properties = properties;
		this.environment = environment;
	}

	/**
	 * The settings before the application context exists, bound from the environment with Boot's
	 * {@link Binder}. A value that does not bind keeps its default here: the properties bean
	 * reports it when the context starts.
	 */
	static RuntimeApiSettings of(Environment environment) {
		LambdaRuntimeProperties properties = Binder.get(environment)
			.bind(LambdaRuntimeProperties.PREFIX, Bindable.of(LambdaRuntimeProperties.class),
					new IgnoreErrorsBindHandler())
			.orElseGet(LambdaRuntimeProperties::new);
		return new RuntimeApiSettings(properties, environment);
	}

	/** Whether {@code lambda.runtime.enabled} allows the loop. */
	boolean enabled() {
		return this.properties.isEnabled();
	}

	/** The address to serve from, or {@code null} when the loop must not run. */
	@Nullable String address() {
		if (!enabled()) {
			return null;
		}
		String address = configuredApi();
		if (address == null) {
			address = this.environment.getProperty(RuntimeApiProtocol.RUNTIME_API_VARIABLE);
		}
		return StringUtils.hasText(address) ? address.trim() : null;
	}

	/** The setting {@link #address()} comes from, for messages. */
	String addressSource() {
		return (configuredApi() != null) ? API_PROPERTY : RuntimeApiProtocol.RUNTIME_API_VARIABLE;
	}

	/**
	 * How many invocations to serve at once: {@code lambda.runtime.concurrency}, else
	 * {@code AWS_LAMBDA_MAX_CONCURRENCY}, else one.
	 */
	int concurrency() {
		Integer configured = this.properties.getConcurrency();
		if (configured != null) {
			return atLeastOne(CONCURRENCY_PROPERTY, configured.toString());
		}
		String variable = this.environment.getProperty(MAX_CONCURRENCY_VARIABLE);
		return StringUtils.hasText(variable) ? atLeastOne(MAX_CONCURRENCY_VARIABLE, variable) : 1;
	}

	/** Whether error reports carry the failure's stack traces. */
	boolean includeStackTraces() {
		return this.properties.isIncludeStackTraces();
	}

	private @Nullable String configuredApi() {
		String api = this.properties.getApi();
		return StringUtils.hasText(api) ? api : null;
	}

	private static int atLeastOne(String name, String value) {
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

}
