package dev.lambdaruntime.emulator.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that read and serve the emulator's requests, one per request as the JDK's HTTP
 * server needs, up to a limit: beyond it a new request loses its connection, so that many slow
 * or idle connections cannot make the emulator start threads without end. The first refusal is
 * logged at WARN, the others at DEBUG.
 */
public final class RequestThreads {

	private static final Logger logger = LoggerFactory.getLogger(RequestThreads.class);

	private static final long IDLE_SECONDS = 60;

	private RequestThreads() {
	}

	/**
	 * Creates the pool, which keeps no idle thread longer than a minute.
	 * @param maximum how many requests may be served at once
	 * @param threads makes the threads
	 * @return the pool, to give the server as its executor
	 */
	public static ExecutorService create(int maximum, ThreadFactory threads) {
		AtomicBoolean warned = new AtomicBoolean();
		return new ThreadPoolExecutor(0, maximum, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), threads,
				(request, pool) -> {
					String message = "Lambda emulator dropped a connection: all {} request threads are busy";
					if (warned.compareAndSet(false, true)) {
						logger.warn(message + " (further drops are logged at DEBUG)", maximum);
					}
					else {
						logger.debug(message, maximum);
					}
					throw new RejectedExecutionException("All " + maximum + " request threads are busy");
				});
	}

}
