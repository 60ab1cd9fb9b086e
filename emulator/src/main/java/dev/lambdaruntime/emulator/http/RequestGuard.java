package dev.lambdaruntime.emulator.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, with a 403 and one log line, what a web page the developer happens to visit could send
 * the emulator: a {@code Host} that does not name the address the emulator listens on (DNS
 * rebinding), an {@code Origin} other than the emulator's own, and a {@code Sec-Fetch-Site} other
 * than same-origin (a cross-site or same-site request without CORS, such as an image). Runtimes,
 * curl and the AWS SDKs send no {@code Origin} and a {@code Host} of the address they connect to,
 * so they pass; so do the page's own requests, which are same-origin.
 */
public final class RequestGuard extends Filter {

	private static final Logger logger = LoggerFactory.getLogger(RequestGuard.class);

	private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

	private static final Set<String> ALLOWED_FETCH_SITES = Set.of("same-origin", "none");

	private final String configuredHost;

	private final int port;

	/**
	 * Creates the guard of an emulator.
	 * @param configuredHost the host name or address the emulator was told to listen on
	 * @param address the address it listens on
	 */
	public RequestGuard(String configuredHost, InetSocketAddress address) {
		this.configuredHost = hostName(configuredHost);
		this.port = address.getPort();
	}

	@Override
	public String description() {
		return "Refuses requests whose Host, Origin or Sec-Fetch-Site show a web page of another site";
	}

	@Override
	public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
		String refusal = refusal(exchange);
		if (refusal == null) {
			chain.doFilter(exchange);
			return;
		}
		logger.warn("Lambda emulator refused {} {}: {}", exchange.getRequestMethod(),
				exchange.getRequestURI().getRawPath(), refusal);
		try (exchange) {
			ResponseWriter.write(exchange, 403, Map.of("Content-Type", JsonBodies.CONTENT_TYPE),
					JsonBodies.error("Forbidden", "The Lambda emulator refused this request: " + refusal));
		}
	}

	private @Nullable String refusal(HttpExchange exchange) {
		String host = exchange.getRequestHeaders().getFirst("Host");
		if (host != null && !namesThisEmulator(host, exchange.getLocalAddress())) {
			return "the Host " + host + " does not name the address it listens on (127.0.0.1, localhost, [::1] or "
					+ "its --host, and port " + this.port + ")";
		}
		String origin = exchange.getRequestHeaders().getFirst("Origin");
		if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
			return "the Origin " + origin + " is not the emulator's own, so a web page of another site sent it";
		}
		String fetchSite = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
		if (fetchSite != null && !ALLOWED_FETCH_SITES.contains(fetchSite.toLowerCase(Locale.ROOT))) {
			return "Sec-Fetch-Site is " + fetchSite + ", so a web page of another site sent it";
		}
		return null;
	}

	private boolean namesThisEmulator(String hostHeader, InetSocketAddress localAddress) {
		int colon = hostHeader.lastIndexOf(':');
		boolean hasPort = colon > hostHeader.lastIndexOf(']');
		String name = hostName(hasPort ? hostHeader.substring(0, colon) : hostHeader);
		String port = hasPort ? hostHeader.substring(colon + 1) : "80";
		return port.equals(Integer.toString(this.port)) && (LOOPBACK_NAMES.contains(name)
				|| name.equals(this.configuredHost) || name.equals(literal(localAddress.getAddress())));
	}

	/** The address a connection arrived at names the emulator too: this covers a wildcard host. */
	private static String literal(InetAddress address) {
		String literal = address.getHostAddress();
		int zone = literal.indexOf('%');
		return (literal.indexOf(':') >= 0) ? "[" + ((zone >= 0) ? literal.substring(0, zone) : literal) + "]"
				: literal;
	}

	private static String hostName(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return (name.indexOf(':') >= 0 && !name.startsWith("[")) ? "[" + name + "]" : name;
	}

}
