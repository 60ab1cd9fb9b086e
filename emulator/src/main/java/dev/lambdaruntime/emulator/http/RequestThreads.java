package dev.lambdaruntime.emulator.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that read and serve the emulator's requests, one per request as the JDK's HTTP
 * server needs, up to a limit, so that many slow or idle connections cannot make the emulator
 * start threads without end. Beyond the limit a connection waits in line for a thread, so that a
 * burst of requests is served in turn (and refused with an answer if beyond the emulator's other
 * limits) rather than dropped; only a connection beyond the line loses its connection. The first
 * drop is logged at WARN, the others at DEBUG.
 */
public final class RequestThreads {

	private static final Logger logger = LoggerFactory.getLogger(RequestThreads.class);

	private static final long IDLE_SECONDS = 60;

	private RequestThreads() {
	}

	/**
	 * How many connections may wait for a request thread when all are busy: a burst of
	 * invocations beyond the threads is answered in turn (with 429s once the queue is full) rather
	 * than dropped.
	 */
	public static final int WAITING_CONNECTIONS = 4096;

	/**
	 * Creates the pool, which keeps no idle thread longer than a minute.
	 * @param maximum how many requests may be served at once
	 * @param line how many connections may wait for a thread beyond those
	 * @param threads makes the threads
	 * @return the pool, to give the server as its executor
	 */
	public static ExecutorService create(int maximum, int line, ThreadFactory threads) {
		Line waiting = new Line(line);
		AtomicBoolean warned = new AtomicBoolean();
		Pool pool = new Pool(maximum, waiting, threads, (request, executor) -> {
			if (!executor.isShutdown() && waiting.join(request)) {
				return;
			}
			String message = "Lambda emulator dropped a connection: all {} request threads are busy and {} "
					+ "connections wait for one";
			if (warned.compareAndSet(false, true)) {
				logger.warn(message + " (further drops are logged at DEBUG)", maximum, line);
			}
			else {
				logger.debug(message, maximum, line);
			}
			throw new RejectedExecutionException("All " + maximum + " request threads are busy");
		});
		waiting.pool = pool;
		return pool;
	}

	/**
	 * A pool that counts its requests not yet served, so that its line knows whether a thread is
	 * free for the one just given.
	 */
	private static final class Pool extends ThreadPoolExecutor {

		private final AtomicInteger unfinished = new AtomicInteger();

		Pool(int maximum, Line line, ThreadFactory threads, RejectedExecutionHandler overflow) {
			super(0, maximum, IDLE_SECONDS, TimeUnit.SECONDS, line, threads, overflow);
		}

		@Override
		public void execute(Runnable request) {
			this.unfinished.incrementAndGet();
			try {
				super.execute(request);
			}
			catch (RejectedExecutionException ex) {
				this.unfinished.decrementAndGet();
				throw ex;
			}
		}

		@Override
		protected void afterExecute(Runnable request, Throwable failure) {
			this.unfinished.decrementAndGet();
		}

		boolean hasFreeThread() {
			return this.unfinished.get() <= getPoolSize();
		}

		boolean atMaximum() {
			return getPoolSize() >= getMaximumPoolSize();
		}

	}

	/**
	 * The connections waiting for a thread: one joins only when a thread is free to take it or no
	 * more may start, so that the pool starts threads up to its maximum before anyone waits.
	 */
	private static final class Line extends LinkedBlockingQueue<Runnable> {

		private Pool pool;

		Line(int capacity) {
			super(capacity);
		}

		@Override
		public boolean offer(Runnable request) {
			return (this.pool.hasFreeThread() || this.pool.atMaximum()) && super.offer(request);
		}

		/** Joins the line whatever the threads, for a request the pool could not start a thread for. */
		boolean join(Runnable request) {
			return super.offer(request);
		}

	}

}
