package dev.lambdaruntime.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;

/**
 * The {@link ApplicationContextRunner} the tests start from: the starter's auto-configuration
 * with the function catalog and Jackson it builds on.
 */
final class LambdaRuntimeContextRunner {

	private LambdaRuntimeContextRunner() {
	}

	static ApplicationContextRunner create() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
				ContextFunctionCatalogAutoConfiguration.class, JacksonAutoConfiguration.class,
				LambdaRuntimeAutoConfiguration.class));
	}

}
