package com.example;

import java.util.function.Function;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class RecordFunctionApplication {

	public static void main(String[] args) {
		SpringApplication.run(RecordFunctionApplication.class, args);
	}

	@Bean
	Function<Order, Receipt> order() {
		return (order) -> new Receipt(order.quantity() + " x " + order.item());
	}

	public record Order(String item, int quantity) {
	}

	public record Receipt(String summary) {
	}

}
