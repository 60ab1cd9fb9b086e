package dev.lambdaruntime.benchmarks.function;

/**
 * The one-line function served by every contender, so that they differ only in how they get
 * the event to it and its result back.
 *
 * @since 0.1.0
 */
public final class Checkout {

	/** The price of one item, in cents. */
	public static final int UNIT_PRICE_CENTS = 250;

	private Checkout() {
	}

	/** The receipt for an order. */
	public static Receipt receiptFor(Order order) {
		return new Receipt(order.id(), order.quantity() * UNIT_PRICE_CENTS, order.note());
	}

}
