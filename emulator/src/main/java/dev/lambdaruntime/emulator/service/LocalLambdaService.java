package dev.lambdaruntime.emulator.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpServer;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.http.HttpServers;
import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.http.RequestGuard;
import dev.lambdaruntime.emulator.http.RequestThreads;
import dev.lambdaruntime.emulator.http.ResponseWriter;
import dev.lambdaruntime.emulator.invokeapi.InvokeEndpoint;
import dev.lambdaruntime.emulator.page.HistoryEndpoint;
import dev.lambdaruntime.emulator.page.PageEndpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator as a local Lambda service, for deploy tools, the AWS SDKs and the AWS CLI with an
 * endpoint override: creates, updates, publishes, lists and deletes functions and invokes them by
 * name, as Lambda's API does. Each function's zip is unzipped into a folder of its own, and its
 * {@code bootstrap} started on the first invocation beside an emulator of its own, with the
 * function's environment, memory and timeout; an update stops it, so the next invocation runs
 * the new code and settings. The page lists the functions and their invocations.
 *
 * @since 0.1.0
 */
public final class LocalLambdaService implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalLambdaService.class);

	/** Request threads beyond those of waiting invokers: for the control plane and the page. */
	private static final int RESERVED_REQUEST_THREADS = 64;

	private final DeployedFunctions functions;

	private final HttpServer server;

	private final ExecutorService requestThreads;

	private final @Nullable Path temporaryCodeDirectory;

	private LocalLambdaService(Builder builder) {
		this.temporaryCodeDirectory = (builder.codeDirectory != null) ? null : temporaryDirectory();
		Path codeDirectory = (builder.codeDirectory != null) ? builder.codeDirectory : this.temporaryCodeDirectory;
		this.functions = new DeployedFunctions(codeDirectory.toAbsolutePath(),
				System.getenv().getOrDefault("AWS_REGION", LambdaEmulator.DEFAULT_REGION), builder.logOutput);
		this.server = HttpServers.bind(builder.host, builder.port);
		this.requestThreads = RequestThreads.create(InvokeEndpoint.MAX_WAITING_INVOKERS + RESERVED_REQUEST_THREADS,
				HttpServers.daemonThreads("lambda-service-request-"));
		RequestGuard guard = new RequestGuard(builder.host, this.server.getAddress());
		HttpServers.serve(this.server, "/", PageEndpoint.withRootRedirect((exchange) -> ResponseWriter.write(exchange,
				404, Map.of("Content-Type", JsonBodies.CONTENT_TYPE),
				JsonBodies.error("NotFound", "Nothing is at " + exchange.getRequestURI().getRawPath()))), guard);
		HttpServers.serve(this.server, ControlPlaneEndpoint.PATH, new ControlPlaneEndpoint(this.functions), guard);
		HttpServers.serve(this.server, FunctionsEndpoint.PATH, new FunctionsEndpoint(this.functions), guard);
		HttpServers.serve(this.server, HistoryEndpoint.PATH, new HistoryEndpoint(this.functions::history), guard);
		HttpServers.serve(this.server, PageEndpoint.PATH, new PageEndpoint(""), guard);
		this.server.setExecutor(this.requestThreads);
		this.server.start();
		HttpServers.warnUnlessLoopback(builder.host, this.server.getAddress());
		logger.debug("Local Lambda service listening on {}", endpoint());
	}

	/**
	 * Starts configuring a service.
	 * @return a builder: 127.0.0.1, a random port, the code in a temporary folder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the endpoint to give the AWS SDKs ({@code endpointOverride}) and the AWS CLI
	 * ({@code --endpoint-url}).
	 * @return {@code http://127.0.0.1:<port>}, or the address listened on when it is another one
	 */
	public String endpoint() {
		return "http://" + HttpServers.authority(this.server.getAddress());
	}

	/**
	 * Returns the port the service listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Returns the URL of the page, which lists the functions, invokes them and shows their
	 * invocations.
	 * @return {@code http://127.0.0.1:<port>/emulator/}
	 */
	public String pageUrl() {
		return endpoint() + PageEndpoint.PATH;
	}

	/**
	 * Stops the service: every function's runtime is stopped and its code deleted.
	 */
	@Override
	public void close() {
		this.server.stop(0);
		this.functions.deleteAll();
		this.requestThreads.shutdownNow();
		if (this.temporaryCodeDirectory != null) {
			FunctionCode.delete(this.temporaryCodeDirectory);
		}
		logger.debug("Local Lambda service stopped");
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("lambda-functions-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make a folder for the functions' code", ex);
		}
	}

	/**
	 * Configures and starts a {@link LocalLambdaService}.
	 */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port;

		private @Nullable Path codeDirectory;

		private Consumer<String> logOutput = System.out::println;

		private Builder() {
		}

		/**
		 * Sets the address to listen on.
		 * @param host a host name or IP address; {@code 127.0.0.1} by default
		 * @return this builder
		 * @see LambdaEmulator.Builder#host(String)
		 */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/**
		 * Sets the port to listen on: 8080 is the Runtime Interface Emulator's, as the launcher's.
		 * @param port 0 to 65535; 0, the default, for a random free one
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = HttpServers.requirePort(port);
			return this;
		}

		/**
		 * Sets where the functions' code is unzipped, each function in a folder of its own,
		 * deleted with the function or when the service stops.
		 * @param codeDirectory the folder; by default a temporary one, deleted when the service stops
		 * @return this builder
		 */
		public Builder codeDirectory(Path codeDirectory) {
			this.codeDirectory = codeDirectory;
			return this;
		}

		/**
		 * Sets where every function's log goes, as one stream.
		 * @param logOutput takes each line; by default printed to {@code System.out}
		 * @return this builder
		 * @see LambdaEmulator.Builder#logOutput(Consumer)
		 */
		public Builder logOutput(Consumer<String> logOutput) {
			this.logOutput = logOutput;
			return this;
		}

		/**
		 * Starts the service.
		 * @return the running service
		 * @throws UncheckedIOException if the address cannot be listened on
		 */
		public LocalLambdaService build() {
			return new LocalLambdaService(this);
		}

	}

}
