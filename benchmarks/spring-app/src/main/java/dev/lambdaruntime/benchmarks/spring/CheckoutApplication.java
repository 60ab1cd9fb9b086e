package dev.lambdaruntime.benchmarks.spring;

import java.util.function.Function;

import dev.lambdaruntime.benchmarks.function.Checkout;
import dev.lambdaruntime.benchmarks.function.Order;
import dev.lambdaruntime.benchmarks.function.Receipt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A one-function Spring Boot application, as a user writes it: which runtime serves it depends
 * only on the dependency its contender module adds.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class CheckoutApplication {

	/** Starts the application. */
	public static void main(String[] args) {
		SpringApplication.run(CheckoutApplication.class, args);
	}

	@Bean
	Function<Order, Receipt> checkout() {
		return Checkout::receiptFor;
	}

}
