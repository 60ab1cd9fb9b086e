package dev.lambdaruntime.autoconfigure;

import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.function.FunctionInvocationHandler;
import dev.lambdaruntime.observation.ObservedInvocationHandler;
import dev.lambdaruntime.runtime.CurrentInvocationContext;
import dev.lambdaruntime.runtime.InvocationHandler;
import dev.lambdaruntime.runtime.LambdaEnvironment;
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
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the Lambda runtime: an injectable Lambda {@link Context} always, and,
 * when the Runtime API's address is known, the invocation handler chain and the loops that serve
 * with it.
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

		/**
		 * The selected function, wrapped by the application's customizers, observed outermost.
		 * Lazy, so that the function is selected only when the loops start.
		 */
		@Bean
		@Lazy
		@ConditionalOnMissingBean
		InvocationHandler lambdaInvocationHandler(FunctionCatalog catalog, ConfigurableListableBeanFactory beanFactory,
				ObjectProvider<JsonMapper> mapper, Environment environment, LambdaRuntimeProperties properties,
				ObjectProvider<InvocationHandlerCustomizer> customizers, ObjectProvider<ObservationRegistry> observations) {
			FunctionInvocationHandler function = FunctionInvocationHandler.select(catalog, beanFactory,
					mapper.getIfAvailable(JsonMapper::shared), environment, properties.getStreaming().getFunctions());
			InvocationHandler handler = function;
			List<InvocationHandlerCustomizer> inOrder = customizers.orderedStream().toList();
			for (int i = inOrder.size() - 1; i >= 0; i--) {
				handler = inOrder.get(i).customize(handler);
			}
			ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
			return registry.isNoop() ? handler : new ObservedInvocationHandler(handler, registry, function.definition());
		}

		@Bean
		LambdaRuntimeLifecycle lambdaRuntimeLifecycle(Environment environment, LambdaRuntimeProperties properties,
				ObjectProvider<InvocationHandler> handler, LambdaRuntimeExit exit) {
			return new LambdaRuntimeLifecycle(new RuntimeApiSettings(properties, environment), handler::getObject,
					LambdaEnvironment.from(environment::getProperty), exit);
		}

	}

}
