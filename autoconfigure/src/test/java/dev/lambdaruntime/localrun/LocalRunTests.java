package dev.lambdaruntime.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.test.run.LambdaEmulatorConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class LocalRunTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Test
	void runsTheApplicationUnderTheEmulatorAndPrintsAnEventThatFitsTheChosenFunction(CapturedOutput output)
			throws Exception {
		try (ConfigurableApplicationContext context = run("--lambda.function=greet")) {
			LambdaEmulator emulator = context.getBean(LambdaEmulator.class);
			String curl = "curl -d '{\"name\":\"hello\"}' " + emulator.invokeUrl();
			assertThat(output).contains("Lambda function 'greet' is ready", emulator.pageUrl(), curl);
			assertThat(invoke(emulator.invokeUrl(), "{\"name\":\"hello\"}")).isEqualTo("\"Hello, hello!\"");
		}
	}

	@Test
	void printsAStringEventForAStringFunction(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run("--lambda.function=shout")) {
			LambdaEmulator emulator = context.getBean(LambdaEmulator.class);
			assertThat(output).contains("curl -d '\"hello\"' " + emulator.invokeUrl());
			assertThat(invoke(emulator.invokeUrl(), "\"hello\"")).isEqualTo("\"HELLO\"");
		}
	}

	@Test
	void servesEachInvocationWithTheFunctionItsInvokedNameNames() throws Exception {
		try (ConfigurableApplicationContext context = run("--lambda.function=greet")) {
			LambdaEmulator emulator = context.getBean(LambdaEmulator.class);
			String shout = emulator.invokeUrl().replace("/functions/function/", "/functions/shout/");
			assertThat(invoke(shout, "\"hi\"")).isEqualTo("\"HI\"");
			assertThat(invoke(emulator.invokeUrl(), "{\"name\":\"Ada\"}")).as("the chosen one for any other name")
				.isEqualTo("\"Hello, Ada!\"");
			assertThat(invoke(shout, "\"again\"")).isEqualTo("\"AGAIN\"");
		}
	}

	@Test
	void tellsTheEmulatorItsFunctionsWithTheirTypes() throws Exception {
		try (ConfigurableApplicationContext context = run("--lambda.function=greet")) {
			LambdaEmulator emulator = context.getBean(LambdaEmulator.class);
			String functionsUrl = "http://" + emulator.runtimeApi() + FunctionListPublisher.PATH;

			String functions = await().atMost(Duration.ofSeconds(10))
				.until(() -> get(functionsUrl), (list) -> list.contains("greet"));

			assertThat(JsonMapper.shared().readTree(functions)).isEqualTo(JsonMapper.shared().readTree("""
					{"functions":[
					{"name":"greet","inputType":"dev.lambdaruntime.localrun.LocalRunTests$Name",
					"outputType":"java.lang.String"},
					{"name":"shout","inputType":"java.lang.String","outputType":"java.lang.String"}]}
					"""));
		}
	}

	@Test
	void stopsTheEmulatorWithTheApplication() {
		LambdaEmulator emulator;
		try (ConfigurableApplicationContext context = run("--lambda.function=shout")) {
			emulator = context.getBean(LambdaEmulator.class);
		}
		assertThatIllegalStateException().isThrownBy(() -> emulator.invoke("\"late\""))
			.withMessage("The Lambda emulator is closed");
	}

	private static ConfigurableApplicationContext run(String function) {
		return SpringApplication.from(TwoFunctionApplication::main)
			.with(LambdaEmulatorConfiguration.class)
			.run("--lambda.emulator.port=0", "--spring.main.banner-mode=off", function)
			.getApplicationContext();
	}

	private static String get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private static String invoke(String url, String event) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(event)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TwoFunctionApplication {

		static void main(String[] args) {
			SpringApplication.run(TwoFunctionApplication.class, args);
		}

		@Bean
		Function<String, String> shout() {
			return String::toUpperCase;
		}

		@Bean
		Function<Name, String> greet() {
			return (name) -> "Hello, " + name.name() + "!";
		}

	}

	record Name(String name) {
	}

}
