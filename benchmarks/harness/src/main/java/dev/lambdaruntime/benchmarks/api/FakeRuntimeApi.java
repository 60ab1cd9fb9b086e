package dev.lambdaruntime.benchmarks.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Lambda Runtime API on 127.0.0.1 and an ephemeral port, in front of a {@link LambdaService}:
 * one thread per connection, keep-alive, raw sockets with {@code TCP_NODELAY}.
 *
 * @since 0.1.0
 */
public final class FakeRuntimeApi implements AutoCloseable {

	private final ServerSocket server;

	private final LambdaService service;

	private final Set<Thread> connections = ConcurrentHashMap.newKeySet();

	private FakeRuntimeApi(ServerSocket server, LambdaService service) {
		this.server = server;
		this.service = service;
	}

	/** Starts serving on loopback. */
	public static FakeRuntimeApi start(LambdaService service) throws IOException {
		ServerSocket server = new ServerSocket();
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		FakeRuntimeApi api = new FakeRuntimeApi(server, service);
		Thread acceptor = new Thread(api::acceptConnections, "runtime-api-acceptor");
		acceptor.setDaemon(true);
		acceptor.start();
		return api;
	}

	/** The address to put in {@code AWS_LAMBDA_RUNTIME_API}. */
	public String address() {
		return this.server.getInetAddress().getHostAddress() + ":" + this.server.getLocalPort();
	}

	private void acceptConnections() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				socket.setTcpNoDelay(true);
				Thread thread = new Thread(() -> serve(socket), "runtime-api-" + socket.getPort());
				thread.setDaemon(true);
				this.connections.add(thread);
				thread.start();
			}
			catch (IOException ex) {
				// closed: the loop ends
			}
		}
	}

	private void serve(Socket socket) {
		try {
			new RuntimeApiConnection(socket, this.service).serve();
		}
		finally {
			this.connections.remove(Thread.currentThread());
		}
	}

	/** Stops accepting, and ends every connection, even one waiting for an invocation. */
	@Override
	public void close() throws IOException {
		this.server.close();
		this.connections.forEach(Thread::interrupt);
	}

}
