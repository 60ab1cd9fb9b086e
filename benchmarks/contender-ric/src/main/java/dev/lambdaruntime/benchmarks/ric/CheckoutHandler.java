package dev.lambdaruntime.benchmarks.ric;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdaruntime.benchmarks.function.Checkout;
import dev.lambdaruntime.benchmarks.function.Receipt;

/**
 * The checkout function for AWS's runtime interface client, which reads the {@link OrderBean}
 * and writes the {@link Receipt} record with its own serialization.
 *
 * @since 0.1.0
 */
public final class CheckoutHandler implements RequestHandler<OrderBean, Receipt> {

	@Override
	public Receipt handleRequest(OrderBean order, Context context) {
		return Checkout.receiptFor(order.toOrder());
	}

}
