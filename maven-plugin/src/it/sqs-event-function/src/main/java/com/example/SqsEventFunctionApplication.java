package com.example;

import java.util.List;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class SqsEventFunctionApplication {

	public static void main(String[] args) {
		SpringApplication.run(SqsEventFunctionApplication.class, args);
	}

	@Bean
	Function<SQSEvent, List<String>> bodies() {
		return (event) -> event.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList();
	}

}
