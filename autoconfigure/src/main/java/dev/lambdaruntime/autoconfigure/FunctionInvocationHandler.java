package dev.lambdaruntime.autoconfigure;

import java.nio.charset.StandardCharsets;

import dev.lambdaruntime.runtime.Invocation;
import dev.lambdaruntime.runtime.InvocationContext;
import dev.lambdaruntime.runtime.InvocationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;

/**
 * Serves invocations with a Spring Cloud Function: converts the event, invokes the function,
 * converts the result. Conversion is ours, so the function's own input and output conversion
 * is switched off.
 */
final class FunctionInvocationHandler implements InvocationHandler {

	private static final Logger logger = LoggerFactory.getLogger(FunctionInvocationHandler.class);

	private static final int MAX_LOGGED_EVENT_CHARS = 4096;

	private final FunctionInvocationWrapper function;

	private final PayloadConverter converter;

	FunctionInvocationHandler(FunctionInvocationWrapper function, JsonMapper mapper) {
		this.function = function;
		this.converter = new PayloadConverter(mapper, function.isSupplier() ? null : function.getInputType());
		function.setSkipInputConversion(true);
		function.setSkipOutputConversion(true);
	}

	/** The definition of the function served, such as {@code uppercase} or {@code trim|uppercase}. */
	String definition() {
		return this.function.getFunctionDefinition();
	}

	@Override
	public byte[] handle(Invocation invocation, InvocationContext context) {
		byte[] event = invocation.payload();
		if (logger.isDebugEnabled()) {
			logger.debug("Invocation {} event: {}", invocation.requestId(),
					new String(event, 0, Math.min(event.length, MAX_LOGGED_EVENT_CHARS), StandardCharsets.UTF_8));
		}
		Object result = this.function.isSupplier() ? this.function.get()
				: this.function.apply(this.converter.readEvent(event, context));
		return this.converter.writeResult(result);
	}

}
