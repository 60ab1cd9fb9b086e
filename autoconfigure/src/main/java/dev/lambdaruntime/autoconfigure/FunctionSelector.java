package dev.lambdaruntime.autoconfigure;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.context.config.RoutingFunction;
import org.springframework.util.StringUtils;

/**
 * Chooses the function that serves invocations: {@code spring.cloud.function.definition} when
 * set (composition {@code a|b} allowed), else {@code _HANDLER} when it names a function, else the
 * only function bean. Anything else fails with a message that names the candidates. Functions
 * are the catalog's, plus {@code RequestHandler} and {@code RequestStreamHandler} beans.
 */
final class FunctionSelector {

	static final String DEFINITION_PROPERTY = "spring.cloud.function.definition";

	static final String HANDLER_VARIABLE = "_HANDLER";

	private final FunctionCatalog catalog;

	private final ConfigurableListableBeanFactory beanFactory;

	FunctionSelector(FunctionCatalog catalog, ConfigurableListableBeanFactory beanFactory) {
		this.catalog = catalog;
		this.beanFactory = beanFactory;
	}

	/** The definition to serve, every function of which exists. */
	String select(@Nullable String definition, @Nullable String handler) {
		Set<String> candidates = candidates();
		if (StringUtils.hasText(definition)) {
			String trimmed = definition.trim();
			if (!Arrays.stream(trimmed.split("\\|")).allMatch((name) -> lookup(name.trim()) != null)) {
				throw new FunctionSelectionException(DEFINITION_PROPERTY + " is '" + definition
						+ "', which names no function; the functions are " + candidates);
			}
			return trimmed;
		}
		if (StringUtils.hasText(handler) && candidates.contains(handler.trim())) {
			return handler.trim();
		}
		if (candidates.size() == 1) {
			return candidates.iterator().next();
		}
		if (candidates.isEmpty()) {
			throw new FunctionSelectionException(
					"No function to serve: declare a bean of type java.util.function.Function, Consumer or Supplier");
		}
		throw new FunctionSelectionException("Several functions could serve " + candidates + ": set "
				+ DEFINITION_PROPERTY + " (or _HANDLER) to the one to use");
	}

	/** The function of the given name, which {@link #select} has vouched for. */
	FunctionTarget target(String name) {
		FunctionTarget function = lookup(name);
		if (function == null) {
			throw new FunctionSelectionException("No function is named '" + name + "'");
		}
		return function;
	}

	private @Nullable FunctionTarget lookup(String name) {
		if (name.isEmpty() || RoutingFunction.FUNCTION_NAME.equals(name)) {
			return null;
		}
		if (handlerNames().contains(name)) {
			Object handler = this.beanFactory.getBean(name);
			return (handler instanceof RequestHandler<?, ?> requestHandler)
					? FunctionTarget.of(requestHandler, this.beanFactory.getMergedBeanDefinition(name).getResolvableType())
					: FunctionTarget.of((RequestStreamHandler) handler);
		}
		Object function = this.catalog.lookup(name);
		return (function instanceof FunctionInvocationWrapper wrapper && !wrapper.isRoutingFunction())
				? FunctionTarget.of(wrapper) : null;
	}

	private Set<String> candidates() {
		Set<String> names = new TreeSet<>(this.catalog.getNames(null));
		names.remove(RoutingFunction.FUNCTION_NAME);
		names.addAll(handlerNames());
		return names;
	}

	private Set<String> handlerNames() {
		Set<String> names = new TreeSet<>(Arrays.asList(this.beanFactory.getBeanNamesForType(RequestHandler.class)));
		names.addAll(Arrays.asList(this.beanFactory.getBeanNamesForType(RequestStreamHandler.class)));
		return names;
	}

}
