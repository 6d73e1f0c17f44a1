package dev.lantu.atlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.lantu.support.BrowserTest;

/**
 * The layout map in a real browser: Debian's chromium, driven by Debian's chromedriver (nothing is
 * downloaded). The map must draw every district and take a click on a district to its page.
 * {@code LANTU_SKIP_BROWSER_TESTS=true} skips these tests; otherwise a missing browser fails them.
 */
class MapBrowserTests extends BrowserTest {

	private static final String TIANHE = "440106";

	private WebElement drawnMap() {
		open("/");
		WebElement map = browser.findElement(By.id("map"));
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.withMessage("the map did not draw its 11 districts (data-districts of #map)")
			.until(b -> "11".equals(map.getDomAttribute("data-districts")));
		// Selenium moves to an offset from the centre of the element's visible part: show all of it
		Boolean visible = (Boolean) ((JavascriptExecutor) browser).executeScript("""
				arguments[0].scrollIntoView({ block: 'center' });
				const box = arguments[0].getBoundingClientRect();
				return box.top >= 0 && box.bottom <= window.innerHeight;
				""", map);
		assertThat(visible).as("the whole map fits in the browser window").isTrue();
		return map;
	}

	@Test
	void shouldDrawEveryDistrictOnTheMap() {
		WebElement map = drawnMap();
		assertThat(map.getDomAttribute("data-error")).isNull();
		assertThat(map.findElements(By.cssSelector("svg path"))).hasSizeGreaterThanOrEqualTo(11);
	}

	/** Where a district's label point (cp) of the boundaries lies, as offsets from the map's centre. */
	private int[] offsetOf(WebElement map, String district) {
		@SuppressWarnings("unchecked")
		List<Number> pixel = (List<Number>) ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/api/v1/districts/boundaries').then(r => r.json()).then(geo => {
				  const feature = geo.features.find(f => f.properties.code === arguments[0]);
				  done(window.lantuMap.convertToPixel({ seriesIndex: 0 }, feature.properties.cp));
				}).catch(e => done(String(e)));
				""", district);
		assertThat(pixel).as("position of %s on the map", district).hasSize(2);
		Rectangle box = map.getRect();
		// Selenium 4 offsets are from the element's centre
		return new int[] { (int) Math.round(pixel.get(0).doubleValue() - box.getWidth() / 2.0),
				(int) Math.round(pixel.get(1).doubleValue() - box.getHeight() / 2.0) };
	}

	/** The tooltip once the pointer rests on the district (on its way it may pass over others). */
	private String tooltipOver(WebElement map, String district, String name) {
		int[] offset = offsetOf(map, district);
		new Actions(browser).moveToElement(map, offset[0], offset[1]).perform();
		return new WebDriverWait(browser, Duration.ofSeconds(10))
			.withMessage("no tooltip naming " + name + " over " + district)
			.until(b -> {
				String text = (String) ((JavascriptExecutor) b).executeScript("""
						const tip = [...document.querySelectorAll('#map div')]
						  .find(d => d.style.position === 'absolute' && d.style.display !== 'none' && d.innerText.trim());
						return tip ? tip.innerText : null;
						""");
				return text != null && text.contains(name) ? text : null;
			});
	}

	@Test
	void shouldSayUnknownNotZeroOverADistrictWhoseHostingIsUnknown() {
		String tooltip = tooltipOver(drawnMap(), "440115", "南沙区");
		assertThat(tooltip).contains("产业体系未公布", "未知").doesNotContain("0 个");
	}

	@Test
	void shouldSayAtLeastOverADistrictWhoseCountIsNotExact() {
		String tooltip = tooltipOver(drawnMap(), "440112", "黄埔区");
		assertThat(tooltip).contains("12136", "至少 14 个（共 21 个）");
	}

	@Test
	void shouldOpenTianheWhenItIsClickedOnTheMap() {
		WebElement map = drawnMap();
		int[] offset = offsetOf(map, TIANHE);
		new Actions(browser).moveToElement(map, offset[0], offset[1]).click().perform();

		new WebDriverWait(browser, Duration.ofSeconds(30))
			.withMessage("a click on Tianhe did not open /districts/" + TIANHE)
			.until(b -> b.getCurrentUrl().endsWith("/districts/" + TIANHE));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("天河区");
		assertThat(browser.getPageSource()).contains("12126");
	}

}
