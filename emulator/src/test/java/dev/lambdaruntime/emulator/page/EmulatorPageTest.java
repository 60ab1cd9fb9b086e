package dev.lambdaruntime.emulator.page;

import java.nio.file.Path;
import java.util.List;

import dev.lambdaruntime.emulator.FakeRuntime;
import dev.lambdaruntime.emulator.InvokeClient;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.page.EmulatorPage.HistoryRow;
import dev.lambdaruntime.emulator.page.EmulatorPage.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the emulator's page in a real headless Chromium, against a runtime that upper-cases
 * events and fails on those that ask it to.
 */
@Timeout(120)
class EmulatorPageTest {

	private static ChromeDriver browser;

	private final LambdaEmulator emulator = LambdaEmulator.builder().functionName("orders").build();

	private final FakeRuntime runtime = FakeRuntime.start(this.emulator.runtimeApi(),
			EmulatorPageTest::uppercaseUnlessAskedToFail);

	private final InvokeClient invoker = new InvokeClient(this.emulator);

	private final EmulatorPage page = new EmulatorPage(browser);

	@BeforeAll
	static void startChromium(@TempDir Path profile) {
		browser = HeadlessChromium.start(profile);
	}

	@AfterAll
	static void quitChromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@AfterEach
	void stop() {
		this.runtime.close();
		this.emulator.close();
	}

	@Test
	void rootLeadsToThePageWithTheFunctionNameAndAnEventOfEachTemplate() throws Exception {
		this.page.open("http://" + this.emulator.runtimeApi() + "/");

		assertThat(this.page.url()).isEqualTo(this.emulator.pageUrl());
		assertThat(this.page.functionName()).isEqualTo("orders");
		List<String> labels = this.invoker.json("/emulator/templates/").valueStream()
			.map((template) -> template.get("label").asString())
			.toList();
		assertThat(labels).contains("A JSON string", "SQS message", "Kafka (Amazon MSK) records");
		assertThat(this.page.templates()).containsExactlyElementsOf(labels);
		assertThat(this.page.event()).isEqualTo("\"hello\"");
	}

	@Test
	void invokingTheSqsTemplateShowsTheAnswerAndItsRequestId() throws Exception {
		this.page.open(this.emulator.pageUrl());
		this.page.choose("SQS message");

		Result result = this.page.invoke();

		JsonNode invocation = this.invoker.history().get(0);
		assertThat(invocation.get("requestBody").asString()).contains("\"eventSource\": \"aws:sqs\"");
		assertThat(result.state()).isEqualTo("ok");
		assertThat(result.errorShown()).isFalse();
		assertThat(result.body()).contains("\"EVENTSOURCE\": \"AWS:SQS\"");
		assertThat(result.requestId()).isEqualTo(invocation.get("requestId").asString());
		assertThat(result.duration()).contains("ms");
	}

	@Test
	void failingInvocationShowsTheErrorTypeAndMessage() {
		this.page.open(this.emulator.pageUrl());
		this.page.typeEvent("{\"fail\": true}");

		Result result = this.page.invoke();

		assertThat(result.state()).isEqualTo("error");
		assertThat(result.errorShown()).isTrue();
		assertThat(result.status()).contains("X-Amz-Function-Error: Unhandled");
		assertThat(result.errorType()).isEqualTo("java.lang.IllegalStateException");
		assertThat(result.errorMessage()).isEqualTo("Asked to fail");
		assertThat(result.body()).contains("\"stackTrace\"");
	}

	@Test
	void historyShowsBothInvocationsNewestFirst() {
		this.page.open(this.emulator.pageUrl());
		this.page.choose("SQS message");
		Result answered = this.page.invoke();
		this.page.typeEvent("{\"fail\": true}");
		Result failed = this.page.invoke();

		List<HistoryRow> history = this.page
			.awaitHistory((rows) -> rows.size() == 2 && !rows.get(0).status().equals("pending"));

		assertThat(history).extracting(HistoryRow::requestId).containsExactly(failed.requestId(), answered.requestId());
		assertThat(history).extracting(HistoryRow::functionName).containsOnly("orders");
		assertThat(history.get(0).status()).isEqualTo("error: Runtime.UserException");
		assertThat(history.get(0).event()).isEqualTo("{\"fail\": true}");
		assertThat(history.get(1).status()).isEqualTo("ok");
		assertThat(history.get(1).duration()).endsWith(" ms");
	}

	@Test
	void savedEventIsListedAfterAReloadUntilDeleted() {
		this.page.open(this.emulator.pageUrl());
		this.page.typeEvent("{\"orderId\": 42}");
		this.page.saveEventAs("order 42");

		this.page.reload();

		assertThat(this.page.savedEvents()).containsExactly("order 42");
		this.page.choose("SQS message");
		this.page.choose("order 42");
		assertThat(this.page.event()).isEqualTo("{\"orderId\": 42}");
		this.page.deleteChosenSavedEvent();
		this.page.reload();
		assertThat(this.page.savedEvents()).isEmpty();
	}

	@Test
	void eventsAndAnswersAreShownAsTextNeverAsMarkup() {
		this.page.open(this.emulator.pageUrl());
		this.page.typeEvent("\"<img src=x id=injected>\"");

		Result result = this.page.invoke();

		List<HistoryRow> history = this.page.awaitHistory((rows) -> rows.size() == 1);
		assertThat(result.body()).isEqualTo("\"<IMG SRC=X ID=INJECTED>\"");
		assertThat(history.get(0).event()).isEqualTo("\"<img src=x id=injected>\"");
		assertThat(this.page.contains(By.tagName("img"))).isFalse();
	}

	private static String uppercaseUnlessAskedToFail(String event) {
		if (event.contains("\"fail\"")) {
			throw new IllegalStateException("Asked to fail");
		}
		return event.toUpperCase();
	}

}
