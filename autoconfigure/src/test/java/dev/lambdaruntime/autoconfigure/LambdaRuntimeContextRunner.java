package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.emulator.LambdaEmulator;

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

	/** The runner pointed at an emulator's Runtime API, so that its contexts serve invocations. */
	static ApplicationContextRunner against(LambdaEmulator emulator) {
		return create().withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + emulator.runtimeApi());
	}

	static ApplicationContextRunner create() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
				ContextFunctionCatalogAutoConfiguration.class, JacksonAutoConfiguration.class,
				FunctionJsonMapperAutoConfiguration.class, LambdaRuntimeAutoConfiguration.class));
	}

}
