package dev.lantu.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Amounts as people read them: exact, with their unit, in 万元 from one 万元 up. */
class AmountTests {

	@Test
	void shouldWriteWholeAmountsInTheirLargestUnit() {
		assertThat(Amount.of(150_0000_00L).text()).isEqualTo("150万元");
		assertThat(Amount.of(2_0000_0000_00L).text()).isEqualTo("2亿元");
		assertThat(Amount.of(0).text()).isEqualTo("0元");
	}

	@Test
	void shouldWriteAmountsFromOneWanInWanWithEveryFen() {
		assertThat(Amount.of(123_4500_00L).text()).isEqualTo("123.45万元");
		assertThat(Amount.of(1234_5678_91L).text()).isEqualTo("1234.567891万元");
		assertThat(Amount.of(-123_4500_00L).text()).isEqualTo("-123.45万元");
	}

	@Test
	void shouldWriteSmallAmountsInYuan() {
		assertThat(Amount.of(1234_57L).text()).isEqualTo("1234.57元");
	}

	@Test
	void shouldRewriteTheEnginesAmountsAndLeaveOtherTextAlone() {
		assertThat(Amount.rewrite("1234500元")).isEqualTo("123.45万元");
		assertThat(Amount.rewrite("150万元")).isEqualTo("150万元");
		assertThat(Amount.rewrite("研发投入")).isEqualTo("研发投入");
		assertThat(Amount.rewrite("tianhe-ai-2025/compute")).isEqualTo("tianhe-ai-2025/compute");
	}

}
