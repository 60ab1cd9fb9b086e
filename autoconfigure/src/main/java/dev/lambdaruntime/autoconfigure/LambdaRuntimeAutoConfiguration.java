package dev.lambdaruntime.autoconfigure;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.runtime.CurrentInvocationContext;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the Lambda runtime: an injectable Lambda {@link Context} always, and the
 * Runtime API loop when the Runtime API's address is known.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { ContextFunctionCatalogAutoConfiguration.class, JacksonAutoConfiguration.class })
@EnableConfigurationProperties(LambdaRuntimeProperties.class)
@ImportRuntimeHints(LambdaRuntimeHints.class)
public final class LambdaRuntimeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Context lambdaContext() {
		return new CurrentInvocationContext();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnLambdaRuntimeApi
	@ConditionalOnBean(FunctionCatalog.class)
	static class RuntimeLoopConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LambdaRuntimeExit lambdaRuntimeExit() {
			return System::exit;
		}

		@Bean
		LambdaRuntimeLifecycle lambdaRuntimeLifecycle(Environment environment, LambdaRuntimeProperties properties,
				FunctionCatalog catalog, ConfigurableListableBeanFactory beanFactory, ObjectProvider<JsonMapper> mapper,
				ObjectProvider<ObservationRegistry> observations, LambdaRuntimeExit exit) {
			return new LambdaRuntimeLifecycle(environment, properties, catalog, beanFactory,
					mapper.getIfAvailable(JsonMapper::shared), observations.getIfAvailable(() -> ObservationRegistry.NOOP),
					exit);
		}

	}

}
