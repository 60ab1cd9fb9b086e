package dev.lambdaruntime.benchmarks.jmh;

import java.util.function.Function;

import dev.lambdaruntime.benchmarks.function.Order;
import dev.lambdaruntime.benchmarks.function.Receipt;
import dev.lambdaruntime.benchmarks.harness.OrderEvent;
import dev.lambdaruntime.benchmarks.spring.CheckoutApplication;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The checkout application started once with the loop switched off, as a user's tests start it:
 * its own {@link JsonMapper}, its {@code checkout} function, and an event of the size measured.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
public class CheckoutContext {

	/** The event's size in bytes. */
	@Param({ "100", "65536" })
	public int eventBytes;

	private ConfigurableApplicationContext context;

	private JsonMapper mapper;

	private Function<Order, Receipt> checkout;

	private byte[] event;

	/** Starts the application. */
	@Setup(Level.Trial)
	@SuppressWarnings("unchecked")
	public void start() {
		this.context = SpringApplication.run(CheckoutApplication.class, "--lambda.runtime.enabled=false",
				"--spring.main.banner-mode=off", "--logging.level.root=warn");
		this.mapper = this.context.getBean(JsonMapper.class);
		this.checkout = this.context.getBean("checkout", Function.class);
		this.event = OrderEvent.ofSize(this.eventBytes).json();
	}

	/** Closes the application. */
	@TearDown(Level.Trial)
	public void close() {
		this.context.close();
	}

	/** The event's bytes. */
	byte[] event() {
		return this.event;
	}

	/**
	 * What the starter does with an event, by the public means a user has: read it as an
	 * {@link Order} with the application's mapper, apply the function, write the {@link Receipt}.
	 */
	byte[] convertInvokeEncode(byte[] event) {
		return this.mapper.writeValueAsBytes(this.checkout.apply(this.mapper.readValue(event, Order.class)));
	}

}
