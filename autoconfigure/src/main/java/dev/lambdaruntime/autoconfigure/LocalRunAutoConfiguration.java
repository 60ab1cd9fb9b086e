package dev.lambdaruntime.autoconfigure;

import java.util.Map;
import java.util.Optional;

import dev.lambdaruntime.function.FunctionInvocationHandler;
import dev.lambdaruntime.function.FunctionSelectionException;
import dev.lambdaruntime.localrun.FunctionListPublisher;
import dev.lambdaruntime.localrun.InvokedFunctionRouter;
import dev.lambdaruntime.localrun.LocalRunBanner;
import dev.lambdaruntime.runtime.InvocationHandler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;

/**
 * Auto-configuration of local runs under the Lambda emulator, which set
 * {@code lambda.runtime.local-run}: the lines that say how to invoke the function once the
 * application is ready, the list of its functions told to the emulator's page, and each
 * invocation served by the function its invoked name names.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = LambdaRuntimeAutoConfiguration.class)
@ConditionalOnLambdaRuntimeApi
@ConditionalOnBooleanProperty("lambda.runtime.local-run")
public final class LocalRunAutoConfiguration {

	private static final String DEFINITION_PROPERTY = "spring.cloud.function.definition";

	@Bean
	LocalRunBanner lambdaLocalRunBanner() {
		return new LocalRunBanner();
	}

	@Bean
	FunctionListPublisher lambdaFunctionListPublisher() {
		return new FunctionListPublisher();
	}

	/**
	 * Innermost, so that the application's own customizers surround whichever function serves.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	@ConditionalOnBean(FunctionCatalog.class)
	InvocationHandlerCustomizer lambdaInvokedFunctionRouter(FunctionCatalog catalog,
			ConfigurableListableBeanFactory beanFactory, ObjectProvider<JsonMapper> mapper,
			LambdaRuntimeProperties properties) {
		return (handler) -> new InvokedFunctionRouter(handler, (name) -> {
			MutablePropertySources definition = new MutablePropertySources();
			definition.addFirst(new MapPropertySource(DEFINITION_PROPERTY, Map.of(DEFINITION_PROPERTY, name)));
			try {
				return Optional.<InvocationHandler>of(FunctionInvocationHandler.select(catalog, beanFactory,
						mapper.getIfAvailable(JsonMapper::shared), new PropertySourcesPropertyResolver(definition),
						properties.getStreaming().getFunctions()));
			}
			catch (FunctionSelectionException ex) {
				return Optional.empty();
			}
		});
	}

}
