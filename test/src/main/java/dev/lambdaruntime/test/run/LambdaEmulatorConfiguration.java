package dev.lambdaruntime.test.run;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.lambdaruntime.emulator.LambdaEmulator;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Runs an application locally under an in-process Lambda emulator, from an IDE, with one line in
 * test sources: {@code SpringApplication.from(MyApplication::main).with(LambdaEmulatorConfiguration.class).run(args)},
 * the way Spring Boot runs an application with Testcontainers at development time. Before any
 * configuration is read it starts the emulator, on port {@code lambda.emulator.port} (8080 by
 * default, any free one when that is taken), and points the application at it; once the
 * application is ready it prints the emulator's page and a curl line. {@code lambda.function}
 * chooses the function when the application has several; {@code lambda.emulator.events-dir} names
 * the folder of the page's saved events ({@code src/test/resources/lambda-events} of the working
 * directory by default).
 *
 * @since 0.1.0
 */
public final class LambdaEmulatorConfiguration
		implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, PriorityOrdered {

	private static final String EMULATOR_BEAN_NAME = "lambdaEmulator";

	private static final String PROPERTY_SOURCE_NAME = "lambdaEmulatorConfiguration";

	private static final int DEFAULT_PORT = 8080;

	private ConfigurableEnvironment environment = new StandardEnvironment();

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = (ConfigurableEnvironment) environment;
	}

	/**
	 * Starts the emulator and points the application at it, before the configuration classes,
	 * whose conditions read the Runtime API's address, are processed.
	 */
	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		LambdaEmulator emulator = start(this.environment.getProperty("lambda.emulator.port", Integer.class,
				DEFAULT_PORT));
		DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) registry;
		beanFactory.registerSingleton(EMULATOR_BEAN_NAME, emulator);
		// destroyed after the runtime loop stopped, and also when the refresh fails
		beanFactory.registerDisposableBean(EMULATOR_BEAN_NAME, emulator::close);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("lambda.runtime.api", emulator.runtimeApi());
		properties.put("lambda.runtime.local-run", "true");
		String function = this.environment.getProperty("lambda.function");
		if (function != null && !function.isBlank()) {
			properties.put("spring.cloud.function.definition", function);
		}
		this.environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

	private LambdaEmulator start(int port) {
		String eventsDir = this.environment.getProperty("lambda.emulator.events-dir");
		LambdaEmulator.Builder builder = LambdaEmulator.builder()
			.eventsDir((eventsDir != null) ? Path.of(eventsDir) : LambdaEmulator.DEFAULT_EVENTS_DIR);
		try {
			return builder.port(port).build();
		}
		catch (UncheckedIOException ex) {
			System.out.printf("Port %d is taken: the Lambda emulator listens on a free one instead.%n", port);
			return builder.port(0).build();
		}
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
