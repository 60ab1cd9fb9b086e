package dev.lambdaruntime.autoconfigure;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.lambdaruntime.logging.LambdaJsonLogFormatter;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Applies Lambda's logging settings to Spring Boot's logging, unless the application sets its
 * own: {@code AWS_LAMBDA_LOG_FORMAT=JSON} selects {@link LambdaJsonLogFormatter} for the console,
 * {@code AWS_LAMBDA_LOG_LEVEL} sets the root level, and in text mode under a Runtime API each line
 * logged during an invocation starts with its request id.
 */
class LambdaLoggingEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "lambdaLogging";

	private static final String STRUCTURED_FORMAT = "logging.structured.format.console";

	private static final String ROOT_LEVEL = "logging.level.root";

	private static final String CORRELATION_PATTERN = "logging.pattern.correlation";

	private static final String REQUEST_ID_PATTERN = "%replace([%X{" + RuntimeApiProtocol.MDC_REQUEST_ID
			+ "}] ){'\\[\\] ', ''}";

	private static final boolean logbackPresent = ClassUtils.isPresent("ch.qos.logback.classic.spi.ILoggingEvent",
			LambdaLoggingEnvironmentPostProcessor.class.getClassLoader());

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> properties = new HashMap<>();
		boolean json = "JSON".equalsIgnoreCase(environment.getProperty("AWS_LAMBDA_LOG_FORMAT"));
		if (json && logbackPresent && !environment.containsProperty(STRUCTURED_FORMAT)) {
			properties.put(STRUCTURED_FORMAT, LambdaJsonLogFormatter.class.getName());
		}
		if (!json && RuntimeApiSettings.of(environment).address() != null
				&& !environment.containsProperty(CORRELATION_PATTERN)) {
			properties.put(CORRELATION_PATTERN, REQUEST_ID_PATTERN);
		}
		String level = springLevel(environment.getProperty("AWS_LAMBDA_LOG_LEVEL"));
		if (level != null && !environment.containsProperty(ROOT_LEVEL)) {
			properties.put(ROOT_LEVEL, level);
		}
		if (!properties.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		}
	}

	private static @Nullable String springLevel(@Nullable String lambdaLevel) {
		if (!StringUtils.hasText(lambdaLevel)) {
			return null;
		}
		return switch (lambdaLevel.trim().toUpperCase(Locale.ROOT)) {
			case "TRACE", "DEBUG", "INFO", "WARN", "ERROR" -> lambdaLevel.trim().toUpperCase(Locale.ROOT);
			case "FATAL" -> "ERROR";
			default -> null;
		};
	}

}
