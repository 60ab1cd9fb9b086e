package com.example;

import java.util.function.Function;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class StringFunctionApplication {

	public static void main(String[] args) {
		SpringApplication.run(StringFunctionApplication.class, args);
	}

	@Bean
	Function<String, String> uppercase() {
		return String::toUpperCase;
	}

}
