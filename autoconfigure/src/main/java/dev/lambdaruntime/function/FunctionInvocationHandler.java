package dev.lambdaruntime.function;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.runtime.Invocation;
import dev.lambdaruntime.runtime.InvocationContext;
import dev.lambdaruntime.runtime.InvocationHandler;
import dev.lambdaruntime.runtime.InvocationResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.core.env.PropertyResolver;

/**
 * Serves invocations with the selected function: converts the event, invokes the function,
 * converts the result. The innermost handler of the invocation handler chain.
 *
 * @since 0.1.0
 */
public final class FunctionInvocationHandler implements InvocationHandler {

	private static final Logger logger = LoggerFactory.getLogger(FunctionInvocationHandler.class);

	private static final int MAX_LOGGED_EVENT_CHARS = 4096;

	private final FunctionChain function;

	private final PayloadConverter converter;

	private final ResultStreaming streaming;

	FunctionInvocationHandler(FunctionChain function, JsonMappers mappers, boolean streamingOptedIn) {
		this.function = function;
		this.converter = new PayloadConverter(mappers, function.inputType());
		this.streaming = new ResultStreaming(this.converter, function.outputType(), streamingOptedIn);
	}

	/**
	 * The handler of the function an application's settings select, see {@link FunctionSelector}.
	 * @param catalog the functions
	 * @param beanFactory the beans, for classic {@code RequestHandler} beans
	 * @param mapper the application's JSON mapper
	 * @param environment where {@code spring.cloud.function.definition} and {@code _HANDLER} are read
	 * @param streamedFunctions the definitions whose results are streamed as they are produced
	 * @return the handler
	 * @throws FunctionSelectionException when no single function can be chosen
	 */
	public static FunctionInvocationHandler select(FunctionCatalog catalog, ConfigurableListableBeanFactory beanFactory,
			JsonMapper mapper, PropertyResolver environment, Collection<String> streamedFunctions) {
		JsonMappers mappers = new JsonMappers(mapper);
		FunctionChain function = new FunctionSelector(catalog, beanFactory).select(environment, mappers);
		return new FunctionInvocationHandler(function, mappers, streamedFunctions.contains(function.definition()));
	}

	/**
	 * The definition of the function served.
	 * @return the definition, such as {@code uppercase} or {@code trim|uppercase}
	 */
	public String definition() {
		return this.function.definition();
	}

	@Override
	public InvocationResponse handle(Invocation invocation, InvocationContext context) {
		return handle(invocation.payload(), context);
	}

	/**
	 * Handles an event in the given context, wherever the event came from.
	 * @param event the event's bytes
	 * @param context the invocation's context
	 * @return the function's response
	 */
	public InvocationResponse handle(byte[] event, Context context) {
		if (logger.isDebugEnabled()) {
			logger.debug("Invocation {} event: {}", context.getAwsRequestId(),
					new String(event, 0, Math.min(event.length, MAX_LOGGED_EVENT_CHARS), StandardCharsets.UTF_8));
		}
		Object result = this.function.invoke(this.converter.readEvent(event, context));
		InvocationResponse streamed = this.streaming.stream(result);
		return (streamed != null) ? streamed : InvocationResponse.of(this.converter.writeResult(result));
	}

	@Override
	public String toString() {
		return "function '" + definition() + "'";
	}

}
