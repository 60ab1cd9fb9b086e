package dev.lambdaruntime.emulator.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the JDK's HTTP server the way every server of the emulator needs it: each path behind
 * the {@link RequestGuard}, a warning when it listens where other machines reach it, and daemon
 * threads.
 */
public final class HttpServers {

	private static final Logger logger = LoggerFactory.getLogger(HttpServers.class);

	private HttpServers() {
	}

	/**
	 * Binds a server, not yet started.
	 * @param host a host name or IP address
	 * @param port the port, or 0 for a random free one
	 * @return the bound server
	 * @throws IllegalArgumentException if the host cannot be resolved
	 * @throws UncheckedIOException if the address cannot be listened on
	 */
	public static HttpServer bind(String host, int port) {
		InetSocketAddress address = new InetSocketAddress(host, port);
		if (address.isUnresolved()) {
			throw new IllegalArgumentException("Cannot resolve the host " + host);
		}
		try {
			return HttpServer.create(address, 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on " + host + ":" + port, ex);
		}
	}

	/**
	 * Returns how clients on this machine reach a server.
	 * @param address the address it listens on
	 * @return {@code host:port}: {@code 127.0.0.1} for a wildcard address, an IPv6 address in brackets
	 */
	public static String authority(InetSocketAddress address) {
		InetAddress host = address.getAddress();
		String name = host.isAnyLocalAddress() ? "127.0.0.1"
				: (host instanceof Inet6Address) ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
		return name + ":" + address.getPort();
	}

	/**
	 * Checks a port to listen on.
	 * @param port the port
	 * @return the port
	 * @throws IllegalArgumentException if it is not 0 to 65535
	 */
	public static int requirePort(int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("Not a port: " + port);
		}
		return port;
	}

	/**
	 * Serves a path, and every path under it that no other serves, behind a guard.
	 * @param server the server
	 * @param path the path
	 * @param action what answers
	 * @param guard the guard of this server
	 */
	public static void serve(HttpServer server, String path, ExchangeHandler.Action action, RequestGuard guard) {
		server.createContext(path, new ExchangeHandler(action)).getFilters().add(guard);
	}

	/**
	 * Warns when a server listens where other machines may reach it.
	 * @param host the host it was told to listen on
	 * @param address the address it listens on
	 */
	public static void warnUnlessLoopback(String host, InetSocketAddress address) {
		if (!address.getAddress().isLoopbackAddress()) {
			logger.warn("WARNING: the Lambda emulator listens on {}:{}, where other machines may reach it. It has no "
					+ "authentication: anyone who connects can invoke the function, read its events and answers, "
					+ "and play its runtime. Listen on 127.0.0.1 (the default) unless you need this.", host,
					address.getPort());
		}
	}

	/**
	 * Makes daemon threads, numbered after a prefix.
	 * @param namePrefix the prefix of their names
	 * @return the factory
	 */
	public static ThreadFactory daemonThreads(String namePrefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, namePrefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
