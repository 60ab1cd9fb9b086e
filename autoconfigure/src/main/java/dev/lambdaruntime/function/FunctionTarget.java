package dev.lambdaruntime.function;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdaruntime.runtime.CurrentInvocationContext;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.core.ResolvableType;

/**
 * One function to call, with its input and output types: a {@code Function}, {@code Consumer} or
 * {@code Supplier} found in the catalog, or a classic {@link RequestHandler} or
 * {@link RequestStreamHandler} bean, called with the invocation's {@link Context}.
 *
 * @param target the {@code Function}, {@code Consumer} or {@code Supplier} to call
 * @param inputType its input type, {@code null} for a supplier
 * @param outputType its output type, {@code null} for a consumer
 */
record FunctionTarget(Object target, @Nullable Type inputType, @Nullable Type outputType) {

	private static final Context context = new CurrentInvocationContext();

	static FunctionTarget of(FunctionInvocationWrapper function) {
		return new FunctionTarget(function.getTarget(), function.isSupplier() ? null : function.getInputType(),
				function.isConsumer() ? null : function.getOutputType());
	}

	/** A {@link RequestHandler} bean, whose types come from its bean definition when it declares them. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static FunctionTarget of(RequestHandler<?, ?> handler, ResolvableType beanType) {
		ResolvableType type = beanType.as(RequestHandler.class);
		if (type.hasUnresolvableGenerics()) {
			type = ResolvableType.forInstance(handler).as(RequestHandler.class);
		}
		Function<Object, Object> function = (input) -> ((RequestHandler) handler).handleRequest(input, context);
		return new FunctionTarget(function, type.getGeneric(0).resolve(Object.class),
				type.getGeneric(1).resolve(Object.class));
	}

	static FunctionTarget of(RequestStreamHandler handler) {
		Function<InputStream, byte[]> function = (input) -> {
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			try {
				handler.handleRequest(input, output, context);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return output.toByteArray();
		};
		return new FunctionTarget(function, InputStream.class, byte[].class);
	}

}
