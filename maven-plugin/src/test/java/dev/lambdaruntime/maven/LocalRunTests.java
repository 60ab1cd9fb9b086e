package dev.lambdaruntime.maven;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.lambdaruntime.emulator.launcher.LambdaEmulatorLauncher;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRunTests {

	@TempDir
	private Path events;

	private static final List<Path> CLASSPATH = Arrays
		.stream(System.getProperty("java.class.path").split(File.pathSeparator))
		.map(Path::of)
		.toList();

	@TempDir
	Path temp;

	@Test
	void servesTheChosenFunctionOfAnApplicationWithSeveral() {
		LocalRun run = new LocalRun(CLASSPATH, TwoFunctionApplication.class.getName(), "greet", 0, this.events, null);
		try (LambdaEmulatorLauncher launcher = run.start(new SystemStreamLog())) {
			assertThat(LocalRun.invokeFirst(launcher, "{\"name\":\"Ada\"}").describe())
				.startsWith("Response: \"Hello, Ada!\"");
			assertThat(LocalRun.invokeFirst(launcher, "{\"name\":\"Bob\"}").describe())
				.startsWith("Response: \"Hello, Bob!\"");
		}
	}

	@Test
	void firstEventsAnswerCarriesTheFunctionsOwnLogOfItWhileTheWholeLogGoesToTheFile() throws Exception {
		Path logFile = this.temp.resolve("lambda-run.log");
		LocalRun run = new LocalRun(CLASSPATH, TwoFunctionApplication.class.getName(), "greet", 0, this.events, logFile);
		FirstEventAnswer answer;
		try (LambdaEmulatorLauncher launcher = run.start(new SystemStreamLog())) {
			answer = LocalRun.invokeFirst(launcher, "{\"name\":\"Ada\"}");
		}

		assertThat(answer.failed()).isFalse();
		assertThat(answer.logTail()).contains("Greeting Ada", "START RequestId: " + answer.requestId());
		assertThat(Files.readString(logFile)).contains("Greeting Ada", "Lambda function 'greet' is ready");
	}

	@Test
	void firstEventThatTheFunctionFailsOnIsAFailedAnswer() {
		LocalRun run = new LocalRun(CLASSPATH, TwoFunctionApplication.class.getName(), "greet", 0, this.events,
				this.temp.resolve("lambda-run.log"));
		FirstEventAnswer answer;
		try (LambdaEmulatorLauncher launcher = run.start(new SystemStreamLog())) {
			answer = LocalRun.invokeFirst(launcher, "[\"not a greeting\"]");
		}

		assertThat(answer.failed()).isTrue();
		assertThat(answer.describe()).startsWith("Error: ").contains("dev.lambdaruntime.runtime.InvalidEventException");
	}

	@Test
	void listensOnAnotherPortWhenTheChosenOneIsTaken() {
		LocalRun first = new LocalRun(CLASSPATH, TwoFunctionApplication.class.getName(), "shout", 0, this.events, null);
		try (LambdaEmulatorLauncher taken = first.start(new SystemStreamLog());
				LambdaEmulatorLauncher launcher = new LocalRun(CLASSPATH, TwoFunctionApplication.class.getName(),
						"shout", taken.emulator().port(), this.events, null)
					.start(new SystemStreamLog())) {
			assertThat(launcher.emulator().port()).isNotEqualTo(taken.emulator().port());
			assertThat(LocalRun.invokeFirst(launcher, "\"hi\"").describe()).startsWith("Response: \"HI\"");
		}
	}

	@Test
	void thePagesSavedEventsAreFilesInTheGivenFolder() throws Exception {
		LocalRun run = new LocalRun(CLASSPATH, TwoFunctionApplication.class.getName(), "shout", 0, this.events, null);
		try (LambdaEmulatorLauncher launcher = run.start(new SystemStreamLog())) {
			HttpResponse<String> saved = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://" + launcher.emulator().runtimeApi()
						+ "/emulator/api/events/greeting"))
					.PUT(HttpRequest.BodyPublishers.ofString("\"hi\""))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(saved.statusCode()).isEqualTo(204);
			assertThat(this.events.resolve("greeting.json")).hasContent("\"hi\"");
		}
	}

	@SpringBootApplication(proxyBeanMethods = false)
	static class TwoFunctionApplication {

		public static void main(String[] args) {
			new SpringApplication(TwoFunctionApplication.class).run(args);
		}

		@Bean
		Function<String, String> shout() {
			return (text) -> text.toUpperCase(Locale.ROOT);
		}

		@Bean
		Function<Greeting, String> greet() {
			return (greeting) -> {
				LoggerFactory.getLogger(TwoFunctionApplication.class).info("Greeting {}", greeting.name());
				return "Hello, " + greeting.name() + "!";
			};
		}

	}

	record Greeting(String name) {
	}

}
