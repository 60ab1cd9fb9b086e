package dev.lambdaruntime.localrun;

import java.util.List;

import dev.lambdaruntime.function.FunctionInvocationHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * When an application runs locally under the emulator ({@code lambda.runtime.local-run=true},
 * which the Maven plugin's {@code run} goal and the test support's
 * {@code LambdaEmulatorConfiguration} set), says once it is ready which function serves, where the
 * emulator's page is, and a curl line with an example event that fits the function's input type.
 *
 * @since 0.1.0
 */
public final class LocalRunBanner implements ApplicationListener<ApplicationReadyEvent> {

	private static final String DEFAULT_FUNCTION_NAME = "function";

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		Environment environment = context.getEnvironment();
		String base = EmulatorAddress.of(environment).orElse(null);
		if (base == null) {
			return;
		}
		String functionName = environment.getProperty("AWS_LAMBDA_FUNCTION_NAME", DEFAULT_FUNCTION_NAME);
		ServedFunction function = servedFunction(context);
		StringBuilder banner = new StringBuilder(System.lineSeparator());
		if (function != null) {
			banner.append("Lambda function '").append(function.definition()).append("' is ready. ");
		}
		banner.append("Invoke it from a browser at").append(System.lineSeparator());
		banner.append("  ").append(base).append("/emulator/").append(System.lineSeparator());
		banner.append("or with curl:").append(System.lineSeparator());
		banner.append("  curl -d '")
			.append((function != null) ? function.exampleEvent().replace("'", "'\\''") : "{}")
			.append("' ")
			.append(base)
			.append("/2015-03-31/functions/")
			.append(functionName)
			.append("/invocations")
			.append(System.lineSeparator());
		System.out.print(banner);
		System.out.flush();
	}

	/**
	 * The function the runtime serves, chosen as the runtime chooses it.
	 * @return the function, or {@code null} if none can be chosen (the runtime reports why)
	 */
	private static @Nullable ServedFunction servedFunction(ConfigurableApplicationContext context) {
		FunctionCatalog catalog = context.getBeanProvider(FunctionCatalog.class).getIfAvailable();
		if (catalog == null) {
			return null;
		}
		JsonMapper mapper = context.getBeanProvider(JsonMapper.class).getIfAvailable(JsonMapper::shared);
		String definition;
		try {
			definition = FunctionInvocationHandler
				.select(catalog, context.getBeanFactory(), mapper, context.getEnvironment(), List.of())
				.definition();
		}
		catch (RuntimeException ex) {
			return null;
		}
		Object function = catalog.lookup(definition);
		String example = (function instanceof FunctionInvocationWrapper wrapper && !wrapper.isSupplier())
				? ExampleEvent.forType(ResolvableType.forType(wrapper.getInputType()), mapper) : "{}";
		return new ServedFunction(definition, example);
	}

	/**
	 * The function served and an event for it.
	 *
	 * @param definition its definition
	 * @param exampleEvent an example event, a JSON text
	 */
	private record ServedFunction(String definition, String exampleEvent) {
	}

}
