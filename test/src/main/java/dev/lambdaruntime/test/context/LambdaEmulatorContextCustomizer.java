package dev.lambdaruntime.test.context;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.lambdaruntime.emulator.LambdaEmulator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Before an application context under test refreshes: starts a {@link LambdaEmulator}, sets the
 * properties that point the application at it, and registers it (closed with the context) and a
 * {@link LambdaTestClient}. Equal settings make equal customizers, which is what lets Spring's
 * context cache share a context, and so its emulator, between test classes.
 *
 * @param definition the function definition to set, or empty to leave it to the application
 * @param timeout the function's timeout
 */
record LambdaEmulatorContextCustomizer(String definition, Duration timeout) implements ContextCustomizer {

	private static final String EMULATOR_BEAN_NAME = "lambdaEmulator";

	private static final String CLIENT_BEAN_NAME = "lambdaTestClient";

	private static final String PROPERTY_SOURCE_NAME = "lambdaEmulator";

	/** How long the client waits beyond the timeout, for the emulator's own timeout error. */
	private static final Duration ANSWER_GRACE = Duration.ofSeconds(5);

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		LambdaEmulator emulator = LambdaEmulator.builder().timeout(this.timeout).build();
		DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
		beanFactory.registerSingleton(EMULATOR_BEAN_NAME, emulator);
		// Destroyed after the lifecycle beans (the runtime loop) stopped, and also when the refresh fails
		beanFactory.registerDisposableBean(EMULATOR_BEAN_NAME, emulator::close);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties(emulator)));
		beanFactory.registerBeanDefinition(CLIENT_BEAN_NAME,
				new RootBeanDefinition(LambdaTestClient.class, () -> new LambdaTestClient(emulator,
						beanFactory.getBeanProvider(JsonMapper.class).getIfAvailable(JsonMapper::shared), ANSWER_GRACE)));
	}

	private Map<String, Object> properties(LambdaEmulator emulator) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("lambda.runtime.api", emulator.runtimeApi());
		if (!this.definition.isEmpty()) {
			properties.put("spring.cloud.function.definition", this.definition);
		}
		return properties;
	}

}
