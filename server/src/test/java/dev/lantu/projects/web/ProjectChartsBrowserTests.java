package dev.lantu.projects.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lantu.accounts.AccountService;
import dev.lantu.accounts.NewAccount;
import dev.lantu.projects.ProjectService;
import dev.lantu.support.BrowserTest;

/**
 * The pipeline's charts in a real browser (Debian's chromium and chromedriver, as the layout map's
 * tests): the board's bars by stage and the city view's map of every district.
 * {@code LANTU_SKIP_BROWSER_TESTS=true} skips them; otherwise a missing browser fails them. Projects are not
 * public: the browser signs in as an administrator first, through the sign-in page.
 */
class ProjectChartsBrowserTests extends BrowserTest {

	@Autowired
	ProjectService projects;

	@Autowired
	AccountService accounts;

	@BeforeEach
	void signIn() {
		// created with no authentication: the system creates it, as the command line would
		String username = "charts-" + Long.toString(System.nanoTime(), 36);
		String password = "Pipeline-Charts-2026!";
		accounts.create(new NewAccount(username, "Charts admin", "CITY_ADMIN", null, password));
		open("/login");
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(password);
		browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.withMessage("signing in did not leave the sign-in page")
			.until(b -> !b.getCurrentUrl().contains("/login"));
	}

	@Test
	void shouldDrawABarForEveryStageOnTheBoard() {
		projects.create(ProjectPagesTests.draft("浏览器里的项目", "440113", List.of("gz.cluster.nev"),
				LocalDate.of(2025, 2, 7), false), "tester");
		open("/projects");
		@SuppressWarnings("unchecked")
		List<String> categories = (List<String>) new WebDriverWait(browser, Duration.ofSeconds(30))
			.withMessage("the board's chart did not draw")
			.until(b -> ((JavascriptExecutor) b).executeScript(
					"return window.lantuFunnelChart ? window.lantuFunnelChart.getOption().yAxis[0].data : null;"));
		assertThat(categories).containsExactly("洽谈", "签约", "注册", "动工", "竣工", "投产", "达产", "终止");
		assertThat(browser.findElements(By.cssSelector("#funnel-chart svg"))).hasSize(1);
	}

	@Test
	void shouldDrawEveryDistrictOnTheCityMap() {
		open("/projects/city");
		WebElement map = browser.findElement(By.id("city-map"));
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.withMessage("the city map did not draw its 11 districts (data-districts of #city-map)")
			.until(b -> "11".equals(map.getDomAttribute("data-districts")) || map.getDomAttribute("data-error") != null);
		assertThat(map.getDomAttribute("data-error")).isNull();
		assertThat(map.findElements(By.cssSelector("svg path"))).hasSizeGreaterThanOrEqualTo(11);
	}

}
