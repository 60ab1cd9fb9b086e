package dev.lambdaruntime.emulator.invokeapi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one request on each of many connections at once, all open together, from one thread:
 * each starts as soon as it is connected, sends its body in small pieces, and stops sending and closes once it has the status line
 * of its answer, as curl does with an answer that comes before the body is sent.
 */
final class EventFlood {

	/** A connection's status when it ended without an answer. */
	static final int NO_ANSWER = -1;

	private static final int PIECE = 64 * 1024;

	private static final int STATUS_LINE_START = "HTTP/1.1 200".length();

	private EventFlood() {
	}

	/**
	 * Sends the requests.
	 * @param address where to connect
	 * @param head the request line and headers, with the blank line after them
	 * @param body the body
	 * @param connections how many connections send it at once
	 * @param limit how long to wait for every answer
	 * @return the status of each connection's answer, or {@link #NO_ANSWER}
	 * @throws IOException if connecting fails
	 */
	static List<Integer> send(InetSocketAddress address, byte[] head, byte[] body, int connections, Duration limit)
			throws IOException {
		ByteBuffer request = ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip().asReadOnlyBuffer();
		List<Integer> statuses = new ArrayList<>();
		try (Selector selector = Selector.open()) {
			for (int i = 0; i < connections; i++) {
				SocketChannel channel = SocketChannel.open();
				channel.setOption(StandardSocketOptions.SO_SNDBUF, PIECE);
				channel.configureBlocking(false);
				channel.connect(address);
				channel.register(selector, SelectionKey.OP_CONNECT, new Exchange(request.duplicate(), statuses));
			}
			long deadline = System.nanoTime() + limit.toNanos();
			while (!selector.keys().isEmpty() && System.nanoTime() < deadline) {
				selector.select(1000);
				for (SelectionKey key : selector.selectedKeys()) {
					((Exchange) key.attachment()).progress(key);
				}
				selector.selectedKeys().clear();
			}
			selector.selectNow();
			for (SelectionKey key : selector.keys()) {
				((Exchange) key.attachment()).end(key, NO_ANSWER);
			}
		}
		return statuses;
	}

	/**
	 * One connection's request and the start of its answer.
	 */
	private static final class Exchange {

		private final ByteBuffer request;

		private final ByteBuffer answer = ByteBuffer.allocate(STATUS_LINE_START);

		private final List<Integer> statuses;

		Exchange(ByteBuffer request, List<Integer> statuses) {
			this.request = request;
			this.statuses = statuses;
		}

		void progress(SelectionKey key) {
			SocketChannel channel = (SocketChannel) key.channel();
			try {
				if (key.isConnectable()) {
					channel.finishConnect();
					key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
					return;
				}
				if (key.isReadable() && (channel.read(this.answer) < 0 || !this.answer.hasRemaining())) {
					end(key, this.answer.hasRemaining() ? NO_ANSWER : status());
					return;
				}
				if (key.isWritable()) {
					ByteBuffer piece = this.request.slice()
						.limit(Math.min(PIECE, this.request.remaining()));
					this.request.position(this.request.position() + channel.write(piece));
					if (!this.request.hasRemaining()) {
						key.interestOps(SelectionKey.OP_READ);
					}
				}
			}
			catch (IOException ex) {
				end(key, NO_ANSWER);
			}
		}

		void end(SelectionKey key, int status) {
			this.statuses.add(status);
			key.cancel();
			try {
				key.channel().close();
			}
			catch (IOException ex) {
				// the status is recorded: nothing more to learn from this connection
			}
		}

		private int status() {
			String line = new String(this.answer.array(), StandardCharsets.US_ASCII);
			return Integer.parseInt(line.substring(line.length() - 3));
		}

	}

}
