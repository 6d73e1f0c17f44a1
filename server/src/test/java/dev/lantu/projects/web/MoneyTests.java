package dev.lantu.projects.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Money typed and shown in 万元 and 亿元, exact to the fen, with its unit. */
class MoneyTests {

	private static final Money MONEY = new Money(messages());

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Test
	void shouldConvertWanToFenExactly() throws Exception {
		assertThat(Money.fenOfWan("12500.5")).isEqualTo(12_500_500_000L);
		assertThat(Money.fenOfWan("0.000001")).isEqualTo(1L);
		assertThat(Money.fenOfWan("1,000")).isEqualTo(1_000_000_000L);
		assertThat(Money.fenOfWan(" ")).isNull();
	}

	@Test
	void shouldRefuseAmountsFinerThanOneFenRatherThanRoundThem() {
		assertThatThrownBy(() -> Money.fenOfWan("0.0000001")).isInstanceOfSatisfying(Money.AmountException.class,
				e -> assertThat(e.refusal()).isEqualTo(Money.Refusal.FINER_THAN_FEN));
		assertThatThrownBy(() -> Money.fenOfWan("12 万")).isInstanceOfSatisfying(Money.AmountException.class,
				e -> assertThat(e.refusal()).isEqualTo(Money.Refusal.NOT_A_NUMBER));
		assertThatThrownBy(() -> Money.fenOfWan("1e20")).isInstanceOfSatisfying(Money.AmountException.class,
				e -> assertThat(e.refusal()).isEqualTo(Money.Refusal.TOO_LARGE));
	}

	@Test
	void shouldShowLargeAmountsInYiAndSayWhenItRounded() {
		assertThat(MONEY.brief(2_000_000_000_00L, Locale.SIMPLIFIED_CHINESE)).isEqualTo("20 亿元");
		assertThat(MONEY.brief(12_345_678_900_00L, Locale.SIMPLIFIED_CHINESE)).isEqualTo("约 123.46 亿元");
		assertThat(MONEY.brief(2_500_500_000L, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2,500.5 万元");
		assertThat(MONEY.brief(2_000_000_000_00L, Locale.ENGLISH)).isEqualTo("20 × 100m yuan");
		assertThat(MONEY.brief(0L, Locale.SIMPLIFIED_CHINESE)).isEqualTo("0");
	}

	@Test
	void shouldShowEveryFenWhenExact() {
		assertThat(MONEY.exact(12_345_678_900_01L, Locale.SIMPLIFIED_CHINESE)).isEqualTo("1,234,567.890001 万元");
		assertThat(MONEY.exact(null, Locale.SIMPLIFIED_CHINESE)).isNull();
	}

	@Test
	void shouldSayASharePeopleWouldSay() {
		assertThat(CityViewPage.fractionKey(5, 15)).isEqualTo("third.exact");
		assertThat(CityViewPage.fractionKey(5, 16)).isEqualTo("third.about");
		assertThat(CityViewPage.fractionKey(8, 16)).isEqualTo("half.exact");
		assertThat(CityViewPage.fractionKey(16, 16)).isEqualTo("all");
		assertThat(CityViewPage.fractionKey(3, 7)).isEqualTo("twoFifths.about");
		assertThat(CityViewPage.fractionKey(2, 7)).isEqualTo("percent");
		assertThat(CityViewPage.fractionKey(1, 40)).isEqualTo("few");
		assertThat(CityViewPage.fractionKey(0, 0)).isEqualTo("none");
	}

}
