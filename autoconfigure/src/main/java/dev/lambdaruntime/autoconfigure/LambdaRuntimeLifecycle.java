package dev.lambdaruntime.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.lambdaruntime.runtime.InvocationHandler;
import dev.lambdaruntime.runtime.InvocationMode;
import dev.lambdaruntime.runtime.LambdaEnvironment;
import dev.lambdaruntime.runtime.RuntimeApiClient;
import dev.lambdaruntime.runtime.RuntimeLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the Runtime API loops, one per allowed concurrent invocation, each on its own non-daemon
 * thread with its own connection, once the application context is refreshed; stops them within
 * a second when the context closes, even while they wait for the next invocation. It only runs
 * them: the handler they serve with is the auto-configuration's (or the application's) bean.
 */
final class LambdaRuntimeLifecycle implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LambdaRuntimeLifecycle.class);

	private static final long STOP_TIMEOUT_NANOS = 800_000_000L;

	private final RuntimeApiSettings settings;

	private final Supplier<InvocationHandler> handler;

	private final LambdaEnvironment environment;

	private final LambdaRuntimeExit exit;

	private final List<Poller> pollers = new ArrayList<>();

	private volatile boolean running;

	/**
	 * The handler is asked for only when the loops start, so that an application without a
	 * Runtime API address (under Spring AOT, say) never selects a function.
	 */
	LambdaRuntimeLifecycle(RuntimeApiSettings settings, Supplier<InvocationHandler> handler,
			LambdaEnvironment environment, LambdaRuntimeExit exit) {
		this.settings = settings;
		this.handler = handler;
		this.environment = environment;
		this.exit = exit;
	}

	@Override
	public void start() {
		String address = this.settings.address();
		if (address == null) {
			logger.debug("No Lambda Runtime API address is set: not serving invocations");
			return;
		}
		int concurrency = this.settings.concurrency();
		InvocationHandler handler = this.handler.get();
		InvocationMode mode = (concurrency > 1) ? InvocationMode.CONCURRENT : InvocationMode.SINGLE;
		synchronized (this.pollers) {
			for (int i = 1; i <= concurrency; i++) {
				RuntimeLoop loop = new RuntimeLoop(RuntimeApiClient.forAddress(address), handler, this.environment, mode,
						this.settings.includeStackTraces());
				Thread thread = new Thread(() -> serve(loop), (concurrency > 1) ? "lambda-runtime-" + i : "lambda-runtime");
				thread.setDaemon(false);
				this.pollers.add(new Poller(loop, thread));
			}
			this.running = true;
			logger.info("Serving {} from the Lambda Runtime API at {}{}", handler, address,
					(concurrency > 1) ? " with " + concurrency + " concurrent invocations" : "");
			this.pollers.forEach((poller) -> poller.thread().start());
		}
	}

	private void serve(RuntimeLoop loop) {
		int status = loop.run();
		if (status != RuntimeLoop.STOPPED) {
			boolean exit;
			synchronized (this.pollers) {
				exit = this.running;
				this.running = false;
				this.pollers.removeIf((poller) -> poller.loop() == loop);
			}
			if (exit) {
				this.exit.exit(status);
			}
		}
	}

	@Override
	public void stop() {
		List<Poller> pollers;
		synchronized (this.pollers) {
			this.running = false;
			pollers = List.copyOf(this.pollers);
			this.pollers.clear();
		}
		pollers.forEach((poller) -> poller.loop().stop());
		long deadline = System.nanoTime() + STOP_TIMEOUT_NANOS;
		try {
			for (Poller poller : pollers) {
				Thread thread = poller.thread();
				if (thread != Thread.currentThread()) {
					thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
				}
				if (thread.isAlive() && thread != Thread.currentThread()) {
					logger.warn("The function did not finish its invocation in time: abandoning it to stop");
					poller.loop().abort();
					thread.join(STOP_TIMEOUT_NANOS / 4_000_000);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record Poller(RuntimeLoop loop, Thread thread) {
	}

}
