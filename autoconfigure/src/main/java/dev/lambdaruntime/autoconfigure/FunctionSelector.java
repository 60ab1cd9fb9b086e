package dev.lambdaruntime.autoconfigure;

import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.context.config.RoutingFunction;
import org.springframework.util.StringUtils;

/**
 * Chooses the function that serves invocations: {@code spring.cloud.function.definition} when
 * set (composition allowed), else {@code _HANDLER} when it names a function, else the only
 * function bean. Anything else fails with a message that names the candidates.
 */
final class FunctionSelector {

	static final String DEFINITION_PROPERTY = "spring.cloud.function.definition";

	static final String HANDLER_VARIABLE = "_HANDLER";

	private final FunctionCatalog catalog;

	FunctionSelector(FunctionCatalog catalog) {
		this.catalog = catalog;
	}

	FunctionInvocationWrapper select(@Nullable String definition, @Nullable String handler) {
		Set<String> candidates = candidates();
		if (StringUtils.hasText(definition)) {
			FunctionInvocationWrapper function = lookup(definition.trim());
			if (function == null) {
				throw new FunctionSelectionException(DEFINITION_PROPERTY + " is '" + definition
						+ "', which names no function; the functions are " + candidates);
			}
			return function;
		}
		if (StringUtils.hasText(handler)) {
			FunctionInvocationWrapper function = lookup(handler.trim());
			if (function != null) {
				return function;
			}
		}
		if (candidates.size() == 1) {
			FunctionInvocationWrapper function = lookup(candidates.iterator().next());
			if (function != null) {
				return function;
			}
		}
		if (candidates.isEmpty()) {
			throw new FunctionSelectionException(
					"No function to serve: declare a bean of type java.util.function.Function, Consumer or Supplier");
		}
		throw new FunctionSelectionException("Several functions could serve " + candidates + ": set "
				+ DEFINITION_PROPERTY + " (or _HANDLER) to the one to use");
	}

	private @Nullable FunctionInvocationWrapper lookup(String definition) {
		if (RoutingFunction.FUNCTION_NAME.equals(definition)) {
			return null;
		}
		Object function = this.catalog.lookup(definition);
		return (function instanceof FunctionInvocationWrapper wrapper && !wrapper.isRoutingFunction()) ? wrapper
				: null;
	}

	private Set<String> candidates() {
		Set<String> names = new TreeSet<>(this.catalog.getNames(null));
		names.remove(RoutingFunction.FUNCTION_NAME);
		return names;
	}

}
