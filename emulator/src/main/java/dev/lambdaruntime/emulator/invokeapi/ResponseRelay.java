package dev.lambdaruntime.emulator.invokeapi;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.invocation.EmulatedInvocation;

/**
 * Hands a streamed response from the thread that reads it off the runtime's post to the thread
 * that writes it to the invoker: the start of the stream, its chunks as they arrive, then its
 * end, which is the completion of the invocation's result (whether streamed or not).
 */
final class ResponseRelay implements EmulatedInvocation.ResponseListener {

	private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();

	private volatile boolean abandoned;

	/**
	 * Ends the relay when the invocation's result completes.
	 * @param result the result
	 */
	void endWith(CompletableFuture<InvocationResult> result) {
		result.whenComplete((ended, failure) -> this.items.add(End.INSTANCE));
	}

	/**
	 * Waits for what comes next.
	 * @return the start of a stream, a chunk of it, or the end
	 * @throws InterruptedException if interrupted while waiting
	 */
	Item next() throws InterruptedException {
		return this.items.take();
	}

	/** Stops keeping chunks, because the invoker went away. */
	void abandon() {
		this.abandoned = true;
		this.items.clear();
	}

	@Override
	public void started(Map<String, String> headers) {
		if (!this.abandoned) {
			this.items.add(new Started(headers));
		}
	}

	@Override
	public void received(byte[] bytes, int offset, int length) {
		if (!this.abandoned) {
			this.items.add(new Chunk(Arrays.copyOfRange(bytes, offset, offset + length)));
		}
	}

	/** What the relay hands over. */
	sealed interface Item permits Started, Chunk, End {

	}

	/**
	 * The runtime began to stream the response.
	 *
	 * @param headers the headers of its post, with lower-case names
	 */
	record Started(Map<String, String> headers) implements Item {

	}

	/**
	 * Bytes of the streamed response.
	 *
	 * @param bytes the bytes
	 */
	record Chunk(byte[] bytes) implements Item {

	}

	/** The invocation ended. */
	enum End implements Item {

		INSTANCE

	}

}
