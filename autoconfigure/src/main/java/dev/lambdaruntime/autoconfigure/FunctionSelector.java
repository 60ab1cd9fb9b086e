package dev.lambdaruntime.autoconfigure;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.context.config.RoutingFunction;
import org.springframework.util.StringUtils;

/**
 * Chooses the function that serves invocations: {@code spring.cloud.function.definition} when
 * set (composition {@code a|b} allowed), else {@code _HANDLER} when it names a function, else the
 * only function bean. Anything else fails with a message that names the candidates.
 */
final class FunctionSelector {

	static final String DEFINITION_PROPERTY = "spring.cloud.function.definition";

	static final String HANDLER_VARIABLE = "_HANDLER";

	private final FunctionCatalog catalog;

	FunctionSelector(FunctionCatalog catalog) {
		this.catalog = catalog;
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
	FunctionInvocationWrapper function(String name) {
		FunctionInvocationWrapper function = lookup(name);
		if (function == null) {
			throw new FunctionSelectionException("No function is named '" + name + "'");
		}
		return function;
	}

	private @Nullable FunctionInvocationWrapper lookup(String name) {
		if (name.isEmpty() || RoutingFunction.FUNCTION_NAME.equals(name)) {
			return null;
		}
		Object function = this.catalog.lookup(name);
		return (function instanceof FunctionInvocationWrapper wrapper && !wrapper.isRoutingFunction()) ? wrapper
				: null;
	}

	private Set<String> candidates() {
		Set<String> names = new TreeSet<>(this.catalog.getNames(null));
		names.remove(RoutingFunction.FUNCTION_NAME);
		return names;
	}

}
