package dev.lambdaruntime.emulator.page;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.lambdaruntime.emulator.service.FunctionZips;
import dev.lambdaruntime.emulator.service.LambdaClients;
import dev.lambdaruntime.emulator.service.LocalLambdaService;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the local Lambda service's page in a real headless Chromium: it lists the deployed
 * functions, and the one picked is the one invoked.
 */
@Timeout(120)
class LocalLambdaServicePageBrowserTest {

	private final List<String> log = new ArrayList<>();

	@AutoClose
	private final LocalLambdaService service = LocalLambdaService.builder().logOutput(this.log::add).build();

	@AutoClose
	private final LambdaClient lambda = LambdaClients.of(this.service.endpoint());

	@TempDir
	Path temp;

	@Test
	void pageListsTheFunctionsAndInvokesTheOnePicked(@TempDir Path profile) throws IOException {
		create("alpha", "alpha code");
		create("beta", "beta code");
		ChromeDriver browser = HeadlessChromium.start(profile);
		try {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			browser.get(this.service.pageUrl());

			List<WebElement> functions = wait.until(ExpectedConditions
				.numberOfElementsToBe(By.cssSelector("#function-list button"), 2));
			assertThat(functions).extracting(WebElement::getText).containsExactly("alpha", "beta");
			assertThat(browser.findElement(By.id("function-name")).getDomProperty("value")).isEqualTo("alpha");
			functions.get(1).click();
			assertThat(browser.findElement(By.id("function-name")).getDomProperty("value")).isEqualTo("beta");
			browser.findElement(By.id("invoke")).click();

			wait.until(ExpectedConditions.textMatches(By.id("result-body"), Pattern.compile("beta code")));
		}
		finally {
			browser.quit();
		}
	}

	private void create(String name, String codeVersion) throws IOException {
		byte[] zip = FunctionZips.echoing(this.temp, codeVersion);
		this.lambda.createFunction((request) -> request.functionName(name)
			.runtime("provided.al2023")
			.handler("bootstrap")
			.role("arn:aws:iam::000000000000:role/lambda")
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(zip))));
	}

}
