package dev.lantu.support;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test that drives the running application in {@link HeadlessChromium}: a fresh browser for each
 * test, closed after it. {@code LANTU_SKIP_BROWSER_TESTS=true} skips such tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

	@LocalServerPort
	protected int port;

	private HeadlessChromium chromium;

	protected ChromeDriver browser;

	@BeforeEach
	void startBrowser() throws IOException {
		chromium = HeadlessChromium.start();
		browser = chromium.driver();
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	/** Opens a page of the application, such as {@code /policies/calculator}. */
	protected void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

}
