package com.example;

import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class DeployFunctionApplication {

	public static void main(String[] args) {
		SpringApplication.run(DeployFunctionApplication.class, args);
	}

	@Bean
	Function<String, String> greet(@Value("${greeting}") String greeting,
			@Value("${punctuation:.}") String punctuation) {
		return (name) -> greeting + ", " + name + punctuation;
	}

}
