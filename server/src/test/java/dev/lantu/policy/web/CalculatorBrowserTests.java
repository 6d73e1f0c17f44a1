package dev.lantu.policy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.lantu.support.BrowserTest;

/**
 * The policy calculator in a real browser (Debian's chromium and chromedriver): a Tianhe model company
 * fills the form, sees what it gets, why, and what to add. {@code LANTU_SKIP_BROWSER_TESTS=true} skips it.
 */
class CalculatorBrowserTests extends BrowserTest {

	@Test
	void shouldFillTheCalculatorAndSeeTheAmountWithItsReasons() {
		open("/policies/calculator");
		browser.findElement(By.name("year")).clear();
		browser.findElement(By.name("year")).sendKeys("2025");
		new Select(browser.findElement(By.name("f.district"))).selectByValue("440106");
		browser.findElement(By.name("f.filings")).sendKeys("生成式人工智能服务备案");
		browser.findElement(By.name("y.rd_expense.last")).sendKeys("1234.5");
		new Select(browser.findElement(By.name("u.rd_expense"))).selectByValue("万元");
		browser.findElement(By.name("y.compute_purchases.last")).sendKeys("50000");
		new Select(browser.findElement(By.name("u.compute_purchases"))).selectByValue("元");
		browser.findElement(By.id("calculate")).click();

		WebElement total = new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("total")));
		// 150万元 for compute; 10% of 1234.5万元 is 123.45万元, cut to the clause's cap of 100万元
		assertThat(total.getText()).isEqualTo("250万元");
		WebElement algorithm = browser.findElement(By.id("result-tianhe-ai-2025-algorithm"));
		assertThat(algorithm.getText()).contains("符合").contains("示例条款").contains("123.45万元").contains("100万元")
			.contains("条款上限 100万元");
		WebElement haizhu = browser.findElement(By.id("result-haizhu-large-model-2024-llm-filing"));
		assertThat(haizhu.getText()).contains("不符合").contains("为什么不符合").contains("\"440106\"");
		assertThat(browser.findElement(By.id("missing-facts")).getText()).contains("数据产品交易额");
		// the form keeps what was typed, so a fact can be added and the page sent again
		assertThat(browser.findElement(By.name("y.rd_expense.last")).getDomProperty("value")).isEqualTo("1234.5");

		algorithm.findElement(By.linkText("原文段落")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#clause-algorithm"));
		assertThat(browser.findElement(By.id("clause-algorithm")).getText()).contains("按研发投入10%支持");
	}

}
