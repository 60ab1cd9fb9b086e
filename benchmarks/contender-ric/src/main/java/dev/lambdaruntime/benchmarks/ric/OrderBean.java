package dev.lambdaruntime.benchmarks.ric;

import dev.lambdaruntime.benchmarks.function.Order;
import org.jspecify.annotations.Nullable;

/**
 * The order as a JavaBean, the shape AWS's documentation gives input POJOs: the runtime
 * interface client's serialization cannot create a record ("no Creators").
 *
 * @since 0.1.0
 */
public final class OrderBean {

	private @Nullable String id;

	private int quantity;

	private @Nullable String note;

	public @Nullable String getId() {
		return this.id;
	}

	public void setId(@Nullable String id) {
		this.id = id;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public void setQuantity(int quantity) {
		this.quantity = quantity;
	}

	public @Nullable String getNote() {
		return this.note;
	}

	public void setNote(@Nullable String note) {
		this.note = note;
	}

	/** The same order as the record the other contenders read. */
	Order toOrder() {
		return new Order(String.valueOf(this.id), this.quantity, String.valueOf(this.note));
	}

}
