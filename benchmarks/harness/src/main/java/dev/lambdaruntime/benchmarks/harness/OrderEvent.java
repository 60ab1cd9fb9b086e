package dev.lambdaruntime.benchmarks.harness;

import java.nio.charset.StandardCharsets;

import dev.lambdaruntime.benchmarks.function.Checkout;

/**
 * An order event of an exact size, its note padded with letters that JSON needs no escapes
 * for, and the receipt every contender must answer with.
 *
 * @since 0.1.0
 */
public final class OrderEvent {

	private static final String ORDER_ID = "order-42";

	private static final int QUANTITY = 3;

	private static final String PREFIX = "{\"id\":\"" + ORDER_ID + "\",\"quantity\":" + QUANTITY + ",\"note\":\"";

	private static final String SUFFIX = "\"}";

	private final byte[] json;

	private final ReceiptCheck check;

	private OrderEvent(byte[] json, ReceiptCheck check) {
		this.json = json;
		this.check = check;
	}

	/** An event of exactly {@code size} bytes. */
	public static OrderEvent ofSize(int size) {
		int noteLength = size - PREFIX.length() - SUFFIX.length();
		if (noteLength < 0) {
			throw new IllegalArgumentException("An order event needs at least " + (size - noteLength) + " bytes");
		}
		byte[] note = new byte[noteLength];
		for (int i = 0; i < noteLength; i++) {
			note[i] = (byte) ('a' + i % 26);
		}
		byte[] json = new byte[size];
		byte[] prefix = PREFIX.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(prefix, 0, json, 0, prefix.length);
		System.arraycopy(note, 0, json, prefix.length, noteLength);
		byte[] suffix = SUFFIX.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(suffix, 0, json, size - suffix.length, suffix.length);
		return new OrderEvent(json, new ReceiptCheck(ORDER_ID, QUANTITY * Checkout.UNIT_PRICE_CENTS, note));
	}

	/** The event's JSON; shared, not to be changed. */
	public byte[] json() {
		return this.json;
	}

	/** Checks a response against the receipt expected for this event. */
	ReceiptCheck check() {
		return this.check;
	}

}
