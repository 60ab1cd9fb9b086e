package com.example;

import java.util.Locale;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class TwoFunctionsApplication {

	private static final Logger logger = LoggerFactory.getLogger(TwoFunctionsApplication.class);

	public static void main(String[] args) {
		SpringApplication.run(TwoFunctionsApplication.class, args);
	}

	@Bean
	Function<String, String> uppercase() {
		return (text) -> text.toUpperCase(Locale.ROOT);
	}

	@Bean
	Function<Greeting, Reply> greet() {
		return (greeting) -> {
			logger.info("Greeting {} from the function itself", greeting.name());
			return new Reply("Hello, " + greeting.name() + "!");
		};
	}

	record Greeting(String name) {
	}

	record Reply(String message) {
	}

}
