package dev.lambdaruntime.emulator.page;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
			+ ".map((row) => Array.from(row.cells).map((cell) => cell.textContent));";

	private final WebDriver browser;

	private final WebDriverWait wait;

	EmulatorPage(WebDriver browser) {
		this.browser = browser;
		this.wait = new WebDriverWait(browser, WAIT);
	}

	/**
	 * Opens the page at a URL, with no events saved in the browser for its origin.
	 * @param url the page's URL, or one that leads there
	 */
	void open(String url) {
		this.browser.get(url);
		((JavascriptExecutor) this.browser).executeScript("localStorage.clear();");
		reload();
	}

	/**
	 * Loads the page again, as the browser's reload button does.
	 */
	void reload() {
		this.browser.navigate().refresh();
		// the script fills the template picker once it has run
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#template-options option")));
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

	String event() {
		return find("event").getDomProperty("value");
	}

	void typeEvent(String event) {
		WebElement editor = find("event");
		editor.clear();
		editor.sendKeys(event);
	}

	void saveEventAs(String name) {
		WebElement saveName = find("save-name");
		saveName.clear();
		saveName.sendKeys(name);
		find("save").click();
		this.wait.until(ExpectedConditions.textToBe(By.id("save-note"), "Saved “" + name + "”."));
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
		find("invoke").click();
		// the click has set the panel to pending; it changes once the Invoke API answers
		this.wait.until((browser) -> !"pending".equals(find("result").getDomAttribute("data-state")));
		return new Result(find("result").getDomAttribute("data-state"), find("result-status").getText(),
				find("result-request-id").getText(), find("result-duration").getText(),
				find("result-error").isDisplayed(), find("error-type").getText(), find("error-message").getText(),
				find("result-body").getText());
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

	boolean contains(By locator) {
		return !this.browser.findElements(locator).isEmpty();
	}

	private List<HistoryRow> historyRows() {
		// read in one go: the table is rebuilt whenever the history changes
		@SuppressWarnings("unchecked")
		List<List<String>> rows = (List<List<String>>) ((JavascriptExecutor) this.browser).executeScript(HISTORY_ROWS);
		return rows.stream()
			.map((cells) -> new HistoryRow(cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5),
					cells.get(6)))
			.toList();
	}

	private WebElement find(String id) {
		return this.browser.findElement(By.id(id));
	}

	private List<String> texts(By locator) {
		return this.browser.findElements(locator).stream().map(WebElement::getText).toList();
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
	 */
	record Result(String state, String status, String requestId, String duration, boolean errorShown,
			String errorType, String errorMessage, String body) {

	}

	/**
	 * One row of the history table.
	 *
	 * @param functionName the function invoked
	 * @param requestId the request id
	 * @param status the status, and the error type if any
	 * @param duration the duration in the runtime
	 * @param event the start of the event
	 * @param response the start of the response
	 */
	record HistoryRow(String functionName, String requestId, String status, String duration, String event,
			String response) {

	}

}
