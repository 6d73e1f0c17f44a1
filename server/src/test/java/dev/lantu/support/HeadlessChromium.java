package dev.lantu.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's chromium, headless, driven by Debian's chromedriver: nothing is downloaded. A missing
 * browser fails the test with what to install; {@code LANTU_SKIP_BROWSER_TESTS=true} skips it instead.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	public static HeadlessChromium start() throws IOException {
		assumeFalse("true".equalsIgnoreCase(System.getenv("LANTU_SKIP_BROWSER_TESTS")),
				"LANTU_SKIP_BROWSER_TESTS=true: browser tests skipped");
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			fail("The browser tests need Debian's chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
					+ ": run `apt-get install chromium chromium-driver` (CI installs them), or set"
					+ " LANTU_SKIP_BROWSER_TESTS=true to skip these tests.");
		}
		// a driver given by path keeps Selenium Manager from looking for (and downloading) one
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		Path profile = Files.createTempDirectory("lantu-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new HeadlessChromium(new ChromeDriver(service, options), profile);
	}

	public ChromeDriver driver() {
		return driver;
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		FileSystemUtils.deleteRecursively(profile);
	}

}
