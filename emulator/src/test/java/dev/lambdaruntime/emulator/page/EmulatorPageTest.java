package dev.lambdaruntime.emulator.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.FakeRuntime;
import dev.lambdaruntime.emulator.InvokeClient;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeClient;
import dev.lambdaruntime.emulator.page.EmulatorPage.Details;
import dev.lambdaruntime.emulator.page.EmulatorPage.HistoryRow;
import dev.lambdaruntime.emulator.page.EmulatorPage.HttpView;
import dev.lambdaruntime.emulator.page.EmulatorPage.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the emulator's page in a real headless Chromium, at 1280x900, against a runtime that
 * upper-cases events, fails on those that ask it to, answers as an HTTP API on those that ask,
 * holds those that ask to be slow until released, and writes a log line for each.
 */
@Timeout(120)
@ExtendWith(OutputCaptureExtension.class)
class EmulatorPageTest {

	/** Where the test leaves the page's screenshot, which the README shows (copied to docs/). */
	private static final Path SCREENSHOT = Path.of("target", "emulator-page.png");

	private static final String HTTP_RESPONSE = """
			{"statusCode":201,"headers":{"Content-Type":"application/json"},\
			"multiValueHeaders":{"Set-Cookie":["a=1","b=2"]},"body":"{\\"orderId\\":42,\\"state\\":\\"created\\"}",\
			"isBase64Encoded":false}""";

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static ChromeDriver browser;

	private final CountDownLatch release = new CountDownLatch(1);

	private final Path events;

	private final Path functionLog;

	private final Process runtimeProcess;

	private final LambdaEmulator emulator;

	private final FakeRuntime runtime;

	private final InvokeClient invoker;

	private final EmulatorPage page = new EmulatorPage(browser);

	EmulatorPageTest(@TempDir Path folder) throws IOException {
		this.events = folder.resolve("lambda-events");
		this.functionLog = Files.createFile(folder.resolve("function.log"));
		this.emulator = LambdaEmulator.builder().functionName("orders").eventsDir(this.events).logOutput((line) -> {
		}).build();
		this.invoker = new InvokeClient(this.emulator);
		// as the launcher does for a runtime process: its init is measured, its output read
		this.emulator.runtimeStarted(ProcessHandle.current().pid());
		this.runtimeProcess = new ProcessBuilder("sleep", "600").start();
		this.emulator.readRuntimeOutput(this.functionLog, this.runtimeProcess.toHandle());
		this.runtime = FakeRuntime.start(this.emulator.runtimeApi(), this::answer);
	}

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

	@BeforeEach
	void wideScreen() {
		this.page.resize(1280, 900);
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.runtime.close();
		this.runtimeProcess.destroy();
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
	void invokingShowsTheAnswerBesideTheEditorWithItsLogReportAndColdStart() throws Exception {
		this.page.open(this.emulator.pageUrl());
		this.page.choose("SQS message");

		Result result = this.page.invoke();
		Result reported = this.page.awaitReport();

		JsonNode invocation = this.invoker.history().get(0);
		assertThat(invocation.get("requestBody").asString()).contains("\"eventSource\": \"aws:sqs\"");
		assertThat(result.state()).isEqualTo("ok");
		assertThat(result.errorShown()).isFalse();
		assertThat(result.body()).contains("\"EVENTSOURCE\": \"AWS:SQS\"");
		assertThat(result.requestId()).isEqualTo(invocation.get("requestId").asString());
		assertThat(result.size()).endsWith("bytes").doesNotStartWith("0 ");
		assertThat(reported.duration()).contains("ms in the runtime").contains("ms round trip");
		assertThat(reported.coldStart()).isTrue();
		assertThat(reported.report()).contains("Billed", "MB used", "Init");
		assertThat(reported.log()).contains("START RequestId: " + result.requestId(),
				"function: handling an event of ", "REPORT RequestId: " + result.requestId());
		assertThat(this.page.resultBesideEditor()).isTrue();
		assertThat(this.page.resultInView()).isTrue();

		Result warm = this.page.invoke();
		assertThat(this.page.awaitReport().coldStart()).as("the second invocation of %s", warm.requestId()).isFalse();
	}

	@Test
	void onANarrowScreenTheResultIsBelowTheEditorAndScrolledIntoView() {
		this.page.resize(800, 900);
		this.page.open(this.emulator.pageUrl());

		this.page.invoke();

		assertThat(this.page.resultBesideEditor()).isFalse();
		await().atMost(WAIT).until(this.page::resultInView);
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
	void pendingInvocationSaysWhetherItWaitsForARuntimeOrRuns() throws Exception {
		CompletableFuture<HttpResponse<String>> holdingTheRuntime = this.invoker.invokeAsync("{\"slow\": 1}");
		await().atMost(WAIT).until(() -> this.invoker.history().get(0).get("taken").asBoolean());
		this.page.open(this.emulator.pageUrl());
		this.page.typeEvent("{\"slow\": 2}");

		this.page.clickInvoke();

		assertThat(this.page.awaitStatus((status) -> status.startsWith("Waiting")))
			.isEqualTo("Waiting for a runtime: the event is queued until a runtime asks for its next event.");
		assertThat(this.page.awaitHistory((rows) -> rows.size() == 2).get(1).status()).isEqualTo("running");
		this.release.countDown();
		assertThat(holdingTheRuntime).succeedsWithin(WAIT);
		assertThat(this.page.awaitResult().body()).isEqualTo("{\n  \"SLOW\": 2\n}");
	}

	@Test
	void invocationTakenByTheRuntimeIsShownAsRunning() {
		this.page.open(this.emulator.pageUrl());
		this.page.typeEvent("{\"slow\": 3}");

		this.page.clickInvoke();

		assertThat(this.page.awaitStatus((status) -> status.startsWith("Sent")))
			.isEqualTo("Sent to the runtime, running orders…");
		this.release.countDown();
		assertThat(this.page.awaitResult().state()).isEqualTo("ok");
	}

	@Test
	void historyRowsFitOnOneLineWithShortRequestIdsAndTheWholeInvocationOnDemand() {
		this.page.open(this.emulator.pageUrl());
		this.page.choose("SQS message");
		Result answered = this.page.invoke();
		this.page.typeEvent("{\"fail\": true}");
		Result failed = this.page.invoke();

		List<HistoryRow> history = this.page
			.awaitHistory((rows) -> rows.size() == 2 && !rows.get(0).status().equals("running"));

		assertThat(history).extracting(HistoryRow::requestId).containsExactly(failed.requestId(), answered.requestId());
		assertThat(history.get(0).shownRequestId()).isEqualTo(failed.requestId().substring(0, 8) + "…");
		assertThat(this.page.requestIdTitle(failed.requestId())).startsWith(failed.requestId());
		assertThat(history).extracting(HistoryRow::functionName).containsOnly("orders");
		assertThat(history.get(0).status()).isEqualTo("error: Runtime.UserException");
		assertThat(history.get(0).event()).isEqualTo("{\"fail\": true}");
		assertThat(history.get(1).status()).isEqualTo("ok");
		assertThat(history.get(1).duration()).contains(" ms");
		assertThat(this.page.rowHeight(answered.requestId())).isLessThan(60);
		Details details = this.page.details(answered.requestId());
		assertThat(details.heading()).isEqualTo("Invocation " + answered.requestId());
		assertThat(details.event()).contains("\"eventSource\": \"aws:sqs\"", "\"body\"", "\"attributes\"");
		assertThat(details.response()).contains("\"EVENTSOURCE\": \"AWS:SQS\"");
		assertThat(details.log()).contains("REPORT RequestId: " + answered.requestId());
	}

	@Test
	void historyRowsAreReinvokedDeletedAndCleared() {
		this.page.open(this.emulator.pageUrl());
		this.page.typeEvent("{\"n\": 1}");
		Result first = this.page.invoke();
		this.page.typeEvent("{\"n\": 2}");
		Result second = this.page.invoke();
		this.page.awaitHistory((rows) -> rows.size() == 2);

		this.page.clickInRow(first.requestId(), "Re-invoke");
		List<HistoryRow> reinvoked = this.page
			.awaitHistory((rows) -> rows.size() == 3 && rows.get(0).status().equals("ok"));
		assertThat(reinvoked.get(0).event()).isEqualTo("{\"n\": 1}");
		assertThat(this.page.event()).isEqualTo("{\"n\": 1}");

		this.page.clickInRow(second.requestId(), "Delete");
		assertThat(this.page.awaitHistory((rows) -> rows.size() == 2)).extracting(HistoryRow::requestId)
			.doesNotContain(second.requestId());

		this.page.clearHistory();
		this.page.awaitHistory(List::isEmpty);
	}

	@Test
	void eventsOver64KilobytesCannotBeEditedAndThePageSaysWhy() throws Exception {
		String large = "\"" + "x".repeat(70 * 1024) + "\"";
		assertThat(this.invoker.invokeAsync(large)).succeedsWithin(WAIT);
		this.page.open(this.emulator.pageUrl());
		String requestId = this.page.awaitHistory((rows) -> rows.size() == 1).get(0).requestId();

		assertThat(this.page.rowButton(requestId, "Edit event").isEnabled()).isFalse();
		assertThat(this.page.rowButton(requestId, "Edit event").getDomAttribute("title"))
			.isEqualTo("The event is over 64 KB and the history keeps its first 64 KB only (70.0 KB), "
					+ "so it cannot be edited from here.");
		assertThat(this.page.rowButton(requestId, "Re-invoke").isEnabled()).isFalse();
	}

	@Test
	void theLastResultStaysAfterAReload() {
		this.page.open(this.emulator.pageUrl());
		this.page.typeEvent("{\"kept\": 1}");
		Result invoked = this.page.invoke();
		this.page.awaitReport();

		this.page.reload();

		Result reloaded = this.page.awaitReport();
		assertThat(reloaded.requestId()).isEqualTo(invoked.requestId());
		assertThat(reloaded.state()).isEqualTo("ok");
		assertThat(reloaded.body()).isEqualTo("{\n  \"KEPT\": 1\n}");
		assertThat(reloaded.log()).contains("END RequestId: " + invoked.requestId());
	}

	@Test
	void httpResponseIsShownAsStatusHeadersAndPrettyBodyWithSizeCopyAndDownload() throws Exception {
		this.page.open(this.emulator.pageUrl());
		this.page.typeEvent("{\"http\": true}");

		Result result = this.page.invoke();

		HttpView http = this.page.httpView();
		assertThat(http.shown()).isTrue();
		assertThat(http.status()).isEqualTo("HTTP 201");
		assertThat(http.headers()).containsExactly("Content-Typeapplication/json", "Set-Cookiea=1, b=2");
		assertThat(http.bodyNote()).isEqualTo("JSON body, pretty-printed.");
		assertThat(http.body()).isEqualTo("{\n  \"orderId\": 42,\n  \"state\": \"created\"\n}");
		assertThat(result.size()).isEqualTo(HTTP_RESPONSE.length() + " bytes");
		assertThat(this.page.copyPayload()).isEqualTo("Copied " + HTTP_RESPONSE.length() + " bytes.");
		assertThat(this.page.downloadLink()).containsEntry("download", "response-" + result.requestId() + ".json")
			.hasEntrySatisfying("href", (href) -> assertThat(href).startsWith("blob:"));
	}

	@Test
	void initErrorIsShownAsAnInitError(@TempDir Path otherEvents, CapturedOutput output) throws Exception {
		try (LambdaEmulator failing = LambdaEmulator.builder().eventsDir(otherEvents).logOutput((line) -> {
		}).build()) {
			RuntimeClient initializing = new RuntimeClient(failing);
			InvokeClient invoker = new InvokeClient(failing);
			this.page.open(failing.pageUrl());

			this.page.clickInvoke();
			await().atMost(WAIT).until(() -> invoker.history().size() == 1);
			initializing.initError("Runtime.BadFunctionCode",
					"{\"errorType\":\"java.lang.IllegalStateException\",\"errorMessage\":\"No function bean\"}");
			this.page.awaitResult();
			this.page.awaitStatus((status) -> status.startsWith("Init error"));
			Result updated = this.page.result();

			assertThat(updated.state()).isEqualTo("error");
			assertThat(updated.status()).isEqualTo(
					"Init error: the runtime failed to initialize before it took the invocation (Runtime.BadFunctionCode).");
			assertThat(updated.duration()).startsWith("none: the runtime failed to initialize");
			assertThat(updated.errorMessage()).isEqualTo("No function bean");
			assertThat(this.page.awaitHistory((rows) -> rows.size() == 1).get(0).status())
				.isEqualTo("init error: Runtime.BadFunctionCode");
		}
		assertThat(output).contains("The runtime reported an init error (Runtime.BadFunctionCode)");
	}

	@Test
	void theApplicationsFunctionsAreListedAndChoosingOneInvokesIt() throws Exception {
		HttpResponse<String> told = this.invoker.send(this.invoker.requestTo(FunctionsEndpoint.PATH)
			.PUT(BodyPublishers.ofString("""
					{"functions":[
					{"name":"greet","inputType":"com.example.Person","outputType":"java.lang.String"},
					{"name":"uppercase","inputType":"java.lang.String","outputType":"java.util.List<java.lang.String>"}]}
					""")));
		assertThat(told.statusCode()).isEqualTo(204);
		this.page.open(this.emulator.pageUrl());

		assertThat(this.page.awaitFunctions()).containsExactly("greet Person → String",
				"uppercase String → List<String>");
		this.page.chooseFunction("greet");
		this.page.typeEvent("{\"http\": true, \"name\": \"Ada\"}");
		Result result = this.page.invoke();

		assertThat(this.page.functionName()).isEqualTo("greet");
		assertThat(this.page.awaitHistory((rows) -> rows.size() == 1).get(0).functionName()).isEqualTo("greet");
		assertThat(this.invoker.history().get(0).get("requestId").asString()).isEqualTo(result.requestId());
		assertThat(this.page.awaitReport().coldStart()).isTrue();
		this.page.screenshot(SCREENSHOT);
		assertThat(SCREENSHOT).isNotEmptyFile();
	}

	@Test
	void savedEventsAreFilesInTheEventsFolderListedAfterAReloadUntilDeleted() throws Exception {
		this.page.open(this.emulator.pageUrl());
		this.page.typeEvent("{\"orderId\": 42}");

		assertThat(this.page.saveEventAs("order 42")).isEqualTo("Saved “order 42”.");

		assertThat(this.events.resolve("order 42.json")).hasContent("{\"orderId\": 42}");
		assertThat(this.page.eventsFolderNote()).isEqualTo("Saved events are files in " + this.events + ".");
		this.page.reload();
		assertThat(this.page.savedEvents()).containsExactly("order 42");
		this.page.chooseSaved("order 42", "{\"orderId\": 42}");
		this.page.deleteChosenSavedEvent();
		assertThat(this.events.resolve("order 42.json")).doesNotExist();
		this.page.reload();
		assertThat(this.page.savedEvents()).isEmpty();
	}

	@Test
	void anEventThatIsNoJsonIsNotSavedAndThePageSaysWhy() {
		this.page.open(this.emulator.pageUrl());
		this.page.typeEvent("{not json");

		assertThat(this.page.saveEventAs("broken")).startsWith("Not saved: A saved event is JSON");

		assertThat(this.events.resolve("broken.json")).doesNotExist();
		assertThat(this.page.event()).isEqualTo("{not json");
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

	private String answer(String event) {
		log("function: handling an event of " + event.length() + " characters");
		if (event.contains("\"slow\"")) {
			awaitRelease();
		}
		if (event.contains("\"fail\"")) {
			throw new IllegalStateException("Asked to fail");
		}
		return event.contains("\"http\"") ? HTTP_RESPONSE : event.toUpperCase();
	}

	private void log(String line) {
		try {
			Files.writeString(this.functionLog, line + "\n", StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitRelease() {
		try {
			this.release.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
