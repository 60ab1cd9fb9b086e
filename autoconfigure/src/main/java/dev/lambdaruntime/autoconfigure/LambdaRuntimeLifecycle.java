package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.runtime.LambdaEnvironment;
import dev.lambdaruntime.runtime.RuntimeApiClient;
import dev.lambdaruntime.runtime.RuntimeLoop;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * Starts the Runtime API loop on its own non-daemon thread once the application context is
 * refreshed, and stops it within a second when the context closes, even while it waits for the
 * next invocation.
 */
final class LambdaRuntimeLifecycle implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LambdaRuntimeLifecycle.class);

	private static final long STOP_TIMEOUT_MILLIS = 800;

	private final Environment environment;

	private final FunctionCatalog catalog;

	private final JsonMapper mapper;

	private final LambdaRuntimeExit exit;

	private volatile @Nullable RuntimeLoop loop;

	private volatile @Nullable Thread thread;

	LambdaRuntimeLifecycle(Environment environment, FunctionCatalog catalog, JsonMapper mapper,
			LambdaRuntimeExit exit) {
		this.environment = environment;
		this.catalog = catalog;
		this.mapper = mapper;
		this.exit = exit;
	}

	@Override
	public void start() {
		String address = RuntimeApiAddress.resolve(this.environment);
		if (address == null) {
			logger.debug("No Lambda Runtime API address is set: not serving invocations");
			return;
		}
		FunctionSelector selector = new FunctionSelector(this.catalog);
		String definition = selector.select(this.environment.getProperty(FunctionSelector.DEFINITION_PROPERTY),
				this.environment.getProperty(FunctionSelector.HANDLER_VARIABLE));
		FunctionInvocationHandler handler = new FunctionInvocationHandler(
				FunctionChain.of(definition, selector, this.mapper), this.mapper);
		RuntimeLoop loop = new RuntimeLoop(RuntimeApiClient.forAddress(address), handler,
				LambdaEnvironment.from(this.environment::getProperty), true);
		Thread thread = new Thread(() -> serve(loop), "lambda-runtime");
		thread.setDaemon(false);
		this.loop = loop;
		this.thread = thread;
		logger.info("Serving function '{}' from the Lambda Runtime API at {}", handler.definition(), address);
		thread.start();
	}

	private void serve(RuntimeLoop loop) {
		int status = loop.run();
		if (status != RuntimeLoop.STOPPED) {
			this.loop = null;
			this.thread = null;
			this.exit.exit(status);
		}
	}

	@Override
	public void stop() {
		RuntimeLoop loop = this.loop;
		Thread thread = this.thread;
		this.loop = null;
		this.thread = null;
		if (loop == null || thread == null) {
			return;
		}
		loop.stop();
		if (thread == Thread.currentThread()) {
			return;
		}
		try {
			thread.join(STOP_TIMEOUT_MILLIS);
			if (thread.isAlive()) {
				logger.warn("The function did not finish its invocation in time: abandoning it to stop");
				loop.abort();
				thread.join(STOP_TIMEOUT_MILLIS / 4);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.loop != null;
	}

}
