package dev.lambdaruntime.emulator.page;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's Chromium, headless, through Debian's chromedriver, both from fixed paths so that
 * Selenium Manager never looks for, or downloads, a browser or a driver. The system properties
 * {@code chromium.binary} and {@code chromium.driver} name other ones. Without them the browser tests
 * are skipped, unless {@code chromium.required} is {@code true} (as in {@code .ci/run}).
 */
final class HeadlessChromium {

	private static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	private static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

	/** Held, since java.util.logging holds loggers weakly: the tests use WebDriver, not CDP, whatever its version. */
	private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

	static {
		CDP_VERSION_FINDER.setLevel(Level.SEVERE);
	}

	private HeadlessChromium() {
	}

	/**
	 * Starts a browser.
	 * @param profile an empty directory for the browser's profile
	 * @return the driver of the running browser, to quit when done
	 * @throws AssertionError if the browser or its driver is not installed and {@code chromium.required}
	 * is set
	 * @throws org.opentest4j.TestAbortedException if they are not installed otherwise, which skips the
	 * tests
	 */
	static ChromeDriver start(Path profile) {
		if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
			String missing = "The page's browser tests need Chromium at " + BROWSER + " and its driver at " + DRIVER
					+ ". Install them with 'apt-get install -y chromium chromium-driver' (.ci/run does), "
					+ "or name others with -Dchromium.binary=PATH -Dchromium.driver=PATH.";
			if (Boolean.getBoolean("chromium.required")) {
				throw new AssertionError(missing + " -Dchromium.required=true makes them required.");
			}
			System.out.println("Skipped: " + missing);
			Assumptions.abort(missing);
		}
		ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
					"--no-first-run", "--user-data-dir=" + profile.toAbsolutePath());
		return new ChromeDriver(driver, options);
	}

}
