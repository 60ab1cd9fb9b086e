package dev.lambdaruntime.function;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cloud.function.context.FunctionCatalog;

/**
 * One function an application could serve, by the name that selects it, with its input and
 * output types: what a person choosing among several needs to know.
 *
 * @param name the name, as {@code spring.cloud.function.definition} or an invoked function name
 * takes it
 * @param inputType the input type's name, such as {@code com.example.Order}; {@code null} for a
 * supplier
 * @param outputType the output type's name; {@code null} for a consumer
 * @since 0.1.0
 */
public record FunctionDescription(String name, @Nullable String inputType, @Nullable String outputType) {

	/**
	 * Describes each function that could serve, as the runtime chooses among them: the catalog's
	 * functions but its router, and the classic {@code RequestHandler} and
	 * {@code RequestStreamHandler} beans.
	 * @param catalog the functions
	 * @param beanFactory the beans, for classic handlers
	 * @return the descriptions, by name
	 */
	public static List<FunctionDescription> of(FunctionCatalog catalog, ConfigurableListableBeanFactory beanFactory) {
		FunctionSelector selector = new FunctionSelector(catalog, beanFactory);
		List<FunctionDescription> descriptions = new ArrayList<>();
		for (String name : selector.candidates()) {
			FunctionTarget function = selector.lookup(name);
			if (function != null) {
				descriptions.add(new FunctionDescription(name, typeName(function.inputType()),
						typeName(function.outputType())));
			}
		}
		return descriptions;
	}

	private static @Nullable String typeName(@Nullable Type type) {
		return (type != null) ? type.getTypeName() : null;
	}

}
