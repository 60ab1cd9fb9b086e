package dev.lambdaruntime.function;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.context.config.RoutingFunction;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Chooses the function that serves invocations: {@code spring.cloud.function.definition} when
 * set (composition {@code a|b} allowed), else {@code _HANDLER} when it names a function, else the
 * only function bean. Anything else fails with a message that names the candidates. Functions
 * are the catalog's, plus {@code RequestHandler} and {@code RequestStreamHandler} beans.
 */
final class FunctionSelector {

	private static final String DEFINITION_PROPERTY = "spring.cloud.function.definition";

	private static final String HANDLER_VARIABLE = "_HANDLER";

	private final FunctionCatalog catalog;

	private final ConfigurableListableBeanFactory beanFactory;

	private final Set<String> handlerNames;

	FunctionSelector(FunctionCatalog catalog, ConfigurableListableBeanFactory beanFactory) {
		this.catalog = catalog;
		this.beanFactory = beanFactory;
		this.handlerNames = new TreeSet<>(Arrays.asList(beanFactory.getBeanNamesForType(RequestHandler.class)));
		this.handlerNames.addAll(Arrays.asList(beanFactory.getBeanNamesForType(RequestStreamHandler.class)));
	}

	/** The chain of functions to serve, each looked up once; the one place the selecting settings are read. */
	FunctionChain select(PropertyResolver environment, JsonMappers mappers) {
		String definition = environment.getProperty(DEFINITION_PROPERTY);
		String handler = environment.getProperty(HANDLER_VARIABLE);
		Set<String> candidates = candidates();
		if (StringUtils.hasText(definition)) {
			String trimmed = definition.trim();
			List<FunctionTarget> functions = new ArrayList<>();
			for (String name : trimmed.split("\\|")) {
				FunctionTarget function = lookup(name.trim());
				if (function == null) {
					throw new FunctionSelectionException(DEFINITION_PROPERTY + " is '" + definition
							+ "', which names no function; the functions are " + candidates);
				}
				functions.add(function);
			}
			return FunctionChain.of(trimmed, functions, mappers);
		}
		if (StringUtils.hasText(handler) && candidates.contains(handler.trim())) {
			return single(handler.trim(), mappers);
		}
		if (candidates.size() == 1) {
			return single(candidates.iterator().next(), mappers);
		}
		if (candidates.isEmpty()) {
			throw new FunctionSelectionException(
					"No function to serve: declare a bean of type java.util.function.Function, Consumer or Supplier");
		}
		throw new FunctionSelectionException("Several functions could serve " + candidates + ": set "
				+ DEFINITION_PROPERTY + " (or " + HANDLER_VARIABLE + ") to the one to use");
	}

	/** The chain of one candidate, which exists. */
	private FunctionChain single(String name, JsonMappers mappers) {
		FunctionTarget function = lookup(name);
		if (function == null) {
			throw new FunctionSelectionException("No function is named '" + name + "'");
		}
		return FunctionChain.of(name, List.of(function), mappers);
	}

	@Nullable FunctionTarget lookup(String name) {
		if (name.isEmpty() || RoutingFunction.FUNCTION_NAME.equals(name)) {
			return null;
		}
		if (this.handlerNames.contains(name)) {
			Object handler = this.beanFactory.getBean(name);
			return (handler instanceof RequestHandler<?, ?> requestHandler)
					? FunctionTarget.of(requestHandler, this.beanFactory.getMergedBeanDefinition(name).getResolvableType())
					: FunctionTarget.of((RequestStreamHandler) handler);
		}
		Object function = this.catalog.lookup(name);
		return (function instanceof FunctionInvocationWrapper wrapper && !wrapper.isRoutingFunction())
				? FunctionTarget.of(wrapper) : null;
	}

	/** The names of the functions that could serve, sorted. */
	Set<String> candidates() {
		Set<String> names = new TreeSet<>(this.catalog.getNames(null));
		names.remove(RoutingFunction.FUNCTION_NAME);
		names.addAll(this.handlerNames);
		return names;
	}

}
