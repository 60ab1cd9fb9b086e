package dev.lambdaruntime.emulator.page;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The emulator's web page as a person uses it, in a browser driven by Selenium: each method acts
 * through what the page shows, and waits explicitly for the page to answer.
 */
final class EmulatorPage {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String HISTORY_ROWS = "return Array.from(document.querySelectorAll('#history tbody tr'))"
			+ ".map((row) => [row.dataset.requestId].concat(Array.from(row.cells).map((cell) => cell.textContent)));";

	private final WebDriver browser;

	private final WebDriverWait wait;

	EmulatorPage(WebDriver browser) {
		this.browser = browser;
		this.wait = new WebDriverWait(browser, WAIT);
	}

	/**
	 * Opens the page at a URL and waits until its script has loaded what it shows.
	 * @param url the page's URL, or one that leads there
	 */
	void open(String url) {
		this.browser.get(url);
		awaitReady();
	}

	/**
	 * Loads the page again, as the browser's reload button does.
	 */
	void reload() {
		this.browser.navigate().refresh();
		awaitReady();
	}

	private void awaitReady() {
		this.wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
	}

	/**
	 * Sizes the browser's window so that the page gets the given viewport.
	 * @param width the viewport's width
	 * @param height the viewport's height
	 */
	void resize(int width, int height) {
		this.browser.manage().window().setSize(new Dimension(width, height));
		@SuppressWarnings("unchecked")
		List<Long> viewport = (List<Long>) script("return [window.innerWidth, window.innerHeight];");
		this.browser.manage()
			.window()
			.setSize(new Dimension(2 * width - viewport.get(0).intValue(), 2 * height - viewport.get(1).intValue()));
	}

	String url() {
		return this.browser.getCurrentUrl();
	}

	String functionName() {
		return find("function-name").getDomProperty("value");
	}

	List<String> templates() {
		return texts(By.cssSelector("#template-options option"));
	}

	List<String> savedEvents() {
		return texts(By.cssSelector("#saved-options option:not([disabled])"));
	}

	/**
	 * Chooses a template or a saved event, which fills the event editor.
	 * @param label what the picker shows
	 */
	void choose(String label) {
		new Select(find("event-picker")).selectByVisibleText(label);
	}

	/**
	 * Chooses a saved event and waits until the editor holds it.
	 * @param name its name
	 * @param event what it holds
	 */
	void chooseSaved(String name, String event) {
		choose(name);
		this.wait.until((browser) -> event.equals(event()));
	}

	String event() {
		return find("event").getDomProperty("value");
	}

	void typeEvent(String event) {
		WebElement editor = find("event");
		editor.clear();
		editor.sendKeys(event);
	}

	void typeFunctionName(String name) {
		WebElement input = find("function-name");
		input.clear();
		input.sendKeys(name);
	}

	String saveEventAs(String name) {
		WebElement saveName = find("save-name");
		saveName.clear();
		saveName.sendKeys(name);
		find("save").click();
		return this.wait.until((browser) -> {
			String note = text("save-note");
			return note.isEmpty() ? null : note;
		});
	}

	String eventsFolderNote() {
		return text("events-folder");
	}

	void deleteChosenSavedEvent() {
		find("delete").click();
		this.wait.until(ExpectedConditions.textMatches(By.id("save-note"), Pattern.compile("^Deleted")));
	}

	/**
	 * Clicks Invoke and waits for the answer.
	 * @return what the result panel shows
	 */
	Result invoke() {
		clickInvoke();
		return awaitResult();
	}

	void clickInvoke() {
		find("invoke").click();
	}

	/**
	 * Waits until the result panel shows an invocation that ended, and what the history says of it.
	 * @return what the panel shows
	 */
	Result awaitResult() {
		// the click has set the panel to pending; it changes once the Invoke API answers
		this.wait.until((browser) -> !find("result").isDisplayed() ? false
				: !"pending".equals(find("result").getDomAttribute("data-state")));
		return result();
	}

	/**
	 * Waits until the result panel shows the REPORT figures the history has for the invocation.
	 * @return what the panel shows
	 */
	Result awaitReport() {
		this.wait.until((browser) -> !text("result-report").equals("—") && !text("result-report").isEmpty());
		return result();
	}

	Result result() {
		return new Result(find("result").getDomAttribute("data-state"), text("result-status"),
				text("result-request-id"), text("result-duration"), find("result-error").isDisplayed(),
				text("error-type"), text("error-message"), text("result-body"),
				find("result-cold-start").isDisplayed(), text("result-report"), text("result-log"), text("result-size"));
	}

	String awaitStatus(Predicate<String> expected) {
		return this.wait.until((browser) -> {
			String status = text("result-status");
			return expected.test(status) ? status : null;
		});
	}

	HttpView httpView() {
		List<String> headers = this.browser.findElements(By.cssSelector("#http-headers tr"))
			.stream()
			.map((row) -> row.getDomProperty("textContent"))
			.toList();
		return new HttpView(find("result-http").isDisplayed(), text("http-status"), headers, text("http-body-note"),
				text("http-body"));
	}

	String copyPayload() {
		find("copy-payload").click();
		return this.wait.until((browser) -> {
			String note = text("copy-note");
			return note.isEmpty() ? null : note;
		});
	}

	Map<String, String> downloadLink() {
		WebElement link = find("download-payload");
		return Map.of("href", link.getDomProperty("href"), "download", link.getDomAttribute("download"));
	}

	/**
	 * Whether the result panel stands beside the editor, right of it and level with it.
	 */
	boolean resultBesideEditor() {
		WebElement editor = find("event");
		WebElement result = find("result");
		return result.getRect().getX() >= editor.getRect().getX() + editor.getRect().getWidth()
				&& result.getRect().getY() < editor.getRect().getY() + editor.getRect().getHeight();
	}

	/**
	 * Whether the top of the result panel is within the browser's window.
	 */
	boolean resultInView() {
		return (Boolean) script("const top = document.getElementById('result').getBoundingClientRect().top;"
				+ "return top >= 0 && top < window.innerHeight;");
	}

	/**
	 * Waits until the history table shows what is expected, as it refreshes itself.
	 * @param expected what the rows must be like
	 * @return the rows, newest first
	 */
	List<HistoryRow> awaitHistory(Predicate<List<HistoryRow>> expected) {
		return this.wait.until((browser) -> {
			List<HistoryRow> rows = historyRows();
			return expected.test(rows) ? rows : null;
		});
	}

	/**
	 * Clicks a button of a history row.
	 * @param requestId the row's request id
	 * @param label the button's text
	 */
	void clickInRow(String requestId, String label) {
		rowButton(requestId, label).click();
	}

	WebElement rowButton(String requestId, String label) {
		return row(requestId).findElements(By.tagName("button"))
			.stream()
			.filter((button) -> button.getText().equals(label))
			.findFirst()
			.orElseThrow();
	}

	String requestIdTitle(String requestId) {
		return row(requestId).findElement(By.cssSelector("td button.link")).getDomAttribute("title");
	}

	int rowHeight(String requestId) {
		return row(requestId).getRect().getHeight();
	}

	void clearHistory() {
		find("clear-history").click();
	}

	/**
	 * Opens the details of a history row.
	 * @return what the dialog shows
	 */
	Details details(String requestId) {
		clickInRow(requestId, "View");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details")));
		Details details = new Details(text("details-heading"), text("details-summary"), text("details-event-size"),
				text("details-event"), text("details-response"), text("details-log"));
		find("details-close").click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("details")));
		return details;
	}

	List<String> awaitFunctions() {
		return this.wait.until((browser) -> {
			List<String> functions = texts(By.cssSelector("#function-list li"));
			return functions.isEmpty() ? null : functions;
		});
	}

	void chooseFunction(String name) {
		find("function-list").findElements(By.tagName("button"))
			.stream()
			.filter((button) -> button.getText().equals(name))
			.findFirst()
			.orElseThrow()
			.click();
	}

	boolean contains(By locator) {
		return !this.browser.findElements(locator).isEmpty();
	}

	void screenshot(Path file) throws Exception {
		Files.createDirectories(file.getParent());
		Files.write(file, ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	private WebElement row(String requestId) {
		return this.browser.findElement(By.cssSelector("#history tbody tr[data-request-id='" + requestId + "']"));
	}

	private List<HistoryRow> historyRows() {
		// read in one go: the table is rebuilt whenever the history changes
		@SuppressWarnings("unchecked")
		List<List<String>> rows = (List<List<String>>) script(HISTORY_ROWS);
		return rows.stream()
			.map((cells) -> new HistoryRow(cells.get(0), cells.get(2), cells.get(3), cells.get(4), cells.get(5),
					cells.get(6), cells.get(7)))
			.toList();
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private String text(String id) {
		return find(id).getDomProperty("textContent");
	}

	private WebElement find(String id) {
		return this.browser.findElement(By.id(id));
	}

	private List<String> texts(By locator) {
		return this.browser.findElements(locator).stream().map((found) -> found.getDomProperty("textContent")).toList();
	}

	/**
	 * What the result panel shows.
	 *
	 * @param state {@code ok} or {@code error}
	 * @param status the sentence that says how the invocation went
	 * @param requestId the request id
	 * @param duration how long it took
	 * @param errorShown whether the error's type and message are shown
	 * @param errorType the error type, empty unless shown
	 * @param errorMessage the error message, empty unless shown
	 * @param body the payload, pretty-printed when it is JSON
	 * @param coldStart whether the cold-start mark is shown
	 * @param report the figures of the REPORT line
	 * @param log the invocation's log lines
	 * @param size the payload's size
	 */
	record Result(String state, String status, String requestId, String duration, boolean errorShown,
			String errorType, String errorMessage, String body, boolean coldStart, String report, String log,
			String size) {

	}

	/**
	 * What the result panel shows of an HTTP response.
	 *
	 * @param shown whether it is shown
	 * @param status the status line
	 * @param headers each header row's text
	 * @param bodyNote what is said of the body
	 * @param body the body
	 */
	record HttpView(boolean shown, String status, List<String> headers, String bodyNote, String body) {

	}

	/**
	 * One row of the history table.
	 *
	 * @param requestId the request id the row is for
	 * @param functionName the function invoked
	 * @param shownRequestId the request id as shown
	 * @param status the status, and the error type if any
	 * @param duration the duration in the runtime
	 * @param event the event
	 * @param response the response
	 */
	record HistoryRow(String requestId, String functionName, String shownRequestId, String status, String duration,
			String event, String response) {

	}

	/**
	 * What the details dialog of an invocation shows.
	 *
	 * @param heading its heading
	 * @param summary the line under it
	 * @param eventSize the size of the event
	 * @param event the event
	 * @param response the response
	 * @param log the log lines
	 */
	record Details(String heading, String summary, String eventSize, String event, String response, String log) {

	}

}
