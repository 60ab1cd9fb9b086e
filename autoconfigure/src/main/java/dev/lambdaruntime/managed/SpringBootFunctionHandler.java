package dev.lambdaruntime.managed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdaruntime.autoconfigure.LambdaRuntimeProperties;
import dev.lambdaruntime.function.FunctionInvocationHandler;
import dev.lambdaruntime.runtime.CurrentInvocation;
import dev.lambdaruntime.runtime.InvocationResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The handler to name when the same application runs on AWS's managed Java runtime (where
 * SnapStart exists) instead of as an executable: set the function's handler to
 * {@code dev.lambdaruntime.managed.SpringBootFunctionHandler} and {@code MAIN_CLASS} to the
 * application's main class. Users paste this name into Lambda's handler setting, so it never
 * changes. The application context starts once per execution environment, with
 * the starter's own loop off, and each invocation goes through the same function selection and
 * payload conversion as in the executable.
 *
 * @since 0.1.0
 */
public class SpringBootFunctionHandler implements RequestStreamHandler {

	/** Environment variable naming the application's main class, as Spring Cloud Function's adapter reads it. */
	public static final String MAIN_CLASS_VARIABLE = "MAIN_CLASS";

	private static final Object lock = new Object();

	private static @Nullable FunctionInvocationHandler shared;

	private final FunctionInvocationHandler handler;

	/** The handler the managed runtime instantiates: the application is {@code MAIN_CLASS}. */
	public SpringBootFunctionHandler() {
		this(mainClass());
	}

	/** A handler for the given application class, started once per JVM. */
	public SpringBootFunctionHandler(Class<?> application) {
		synchronized (lock) {
			if (shared == null) {
				shared = start(application);
			}
			this.handler = shared;
		}
	}

	@Override
	public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
		byte[] event = input.readAllBytes();
		try (CurrentInvocation bound = CurrentInvocation.bind(context, false)) {
			InvocationResponse response = this.handler.handle(event, context);
			if (response instanceof InvocationResponse.Streamed streamed) {
				streamed.writer().writeTo(output);
			}
			else {
				output.write(((InvocationResponse.Buffered) response).body());
			}
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static FunctionInvocationHandler start(Class<?> application) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.properties("lambda.runtime.enabled=false")
			.run();
		return FunctionInvocationHandler.select(context.getBean(FunctionCatalog.class), context.getBeanFactory(),
				context.getBeanProvider(JsonMapper.class).getIfAvailable(JsonMapper::shared), context.getEnvironment(),
				context.getBean(LambdaRuntimeProperties.class).getStreaming().getFunctions());
	}

	private static Class<?> mainClass() {
		String name = System.getenv(MAIN_CLASS_VARIABLE);
		if (name == null || name.isBlank()) {
			throw new IllegalStateException("Set the " + MAIN_CLASS_VARIABLE
					+ " environment variable to the application's main class to run it on the managed Java runtime");
		}
		return ClassUtils.resolveClassName(name.trim(), SpringBootFunctionHandler.class.getClassLoader());
	}

}
