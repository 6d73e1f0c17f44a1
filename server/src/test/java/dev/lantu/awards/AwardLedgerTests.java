package dev.lantu.awards;

import static dev.lantu.awards.LedgerDataset.A;
import static dev.lantu.awards.LedgerDataset.B;
import static dev.lantu.awards.LedgerDataset.C;
import static dev.lantu.awards.LedgerDataset.D;
import static dev.lantu.awards.LedgerFixture.apply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.lantu.projects.ProjectService;

/** The ledger's rules, one at a time: states and their history, amounts, every cap, 就高不重复, the budget, keys. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AwardLedgerTests {

	@DynamicPropertySource
	static void dataset(DynamicPropertyRegistry registry) throws IOException {
		LedgerDataset.register(registry);
	}

	@Autowired
	AwardLedger ledger;

	@Autowired
	ApplicationContext context;

	LedgerFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new LedgerFixture(context);
	}

	private static final long WAN = 1_000_000L;

	/** Applies and takes the award under review; returns its id. */
	private long underReview(String uscc, String policy, String clause) {
		long id = ledger.apply(apply(uscc, policy, clause), "企业经办人", null).award().id();
		ledger.startReview(id, null, "审核员", null);
		return id;
	}

	@Test
	void shouldComputeTheEntitlementFromTheRegistryAndKeepTheWholeHistory() {
		String uscc = fixture.enterprise(LedgerFixture.TIANHE, 1500, null);
		AwardOutcome applied = ledger.apply(apply(uscc, A, "base"), "企业经办人", null);
		Award award = applied.award();
		assertThat(award.state()).isEqualTo(AwardState.APPLIED);
		assertThat(award.entitlementFen()).as("10%% of 1500万元").isEqualTo(150 * WAN);
		assertThat(award.basis()).isEqualTo(Award.Basis.REGISTRY);
		assertThat(award.profile()).contains("\"revenue\"").contains("1500000000分");
		assertThat(award.districtCode()).isEqualTo(LedgerFixture.TIANHE);
		long id = award.id();
		ledger.startReview(id, "材料齐全", "审核员", null);
		AwardOutcome approved = ledger.approve(id, 120 * WAN, "按实际投入核减", "处长", null);
		assertThat(approved.award().amountFen()).isEqualTo(120 * WAN);
		ledger.disburse(id, "国库支付凭证 2025-001", "出纳", null);
		ledger.clawBack(id, "项目未投产", "处长", null);
		List<AwardEvent> history = ledger.history(id);
		assertThat(history).extracting(AwardEvent::toState).containsExactly(AwardState.APPLIED, AwardState.UNDER_REVIEW,
				AwardState.APPROVED, AwardState.DISBURSED, AwardState.CLAWED_BACK);
		assertThat(history).extracting(AwardEvent::recordedBy).containsExactly("企业经办人", "审核员", "处长", "出纳", "处长");
		assertThat(history).extracting(AwardEvent::reason).containsExactly(null, "材料齐全", "按实际投入核减",
				"国库支付凭证 2025-001", "项目未投产");
		assertThat(ledger.get(id).state()).isEqualTo(AwardState.CLAWED_BACK);
		assertThat(ledger.get(id).liveFen()).isZero();
	}

	@Test
	void shouldRefuseIllegalTransitionsNamingWhatIsAllowed() {
		String uscc = fixture.enterprise(LedgerFixture.TIANHE, 1000, null);
		long id = ledger.apply(apply(uscc, A, "base"), "企业", null).award().id();
		assertThatThrownBy(() -> ledger.approve(id, null, null, "处长", null)).isInstanceOf(TransitionRefusedException.class)
			.hasMessageContaining("is APPLIED and cannot become APPROVED").hasMessageContaining("REJECTED or UNDER_REVIEW");
		ledger.reject(id, "材料不全", "审核员", null);
		assertThatThrownBy(() -> ledger.startReview(id, null, "审核员", null))
			.isInstanceOf(TransitionRefusedException.class).hasMessageContaining("nothing (it is closed)");
		assertThatThrownBy(() -> ledger.disburse(id, null, "出纳", null)).isInstanceOf(TransitionRefusedException.class);
		assertThat(ledger.history(id)).hasSize(2);
	}

	@Test
	void shouldNeedAReasonToRejectOrClawBack() {
		String uscc = fixture.enterprise(LedgerFixture.TIANHE, 1000, null);
		long id = underReview(uscc, A, "base");
		assertThatThrownBy(() -> ledger.reject(id, " ", "审核员", null)).isInstanceOf(AwardInputException.class)
			.satisfies(e -> assertThat(((AwardInputException) e).problems()).extracting(AwardProblem::field).containsExactly("reason"));
	}

	@Test
	void shouldLowerButNeverRaiseAnAmountAboveTheEntitlement() {
		String uscc = fixture.enterprise(LedgerFixture.TIANHE, 1000, null);
		long id = underReview(uscc, A, "base");
		assertThatThrownBy(() -> ledger.approve(id, 100 * WAN + 1, null, "处长", null))
			.isInstanceOf(ApprovalRefusedException.class)
			.hasMessageContaining("entitles the enterprise to 100万元")
			.satisfies(e -> assertThat(((ApprovalRefusedException) e).binding()).extracting(Limit::kind)
				.containsExactly(Limit.Kind.CLAUSE));
		assertThat(ledger.approve(id, 99 * WAN, null, "处长", null).award().amountFen()).isEqualTo(99 * WAN);
		// a second application on the same clause and year gets what is left of the clause's entitlement
		long again = underReview(uscc, A, "base");
		assertThat(ledger.approve(again, null, null, "处长", null).award().amountFen()).isEqualTo(WAN);
		long third = underReview(uscc, A, "base");
		assertThatThrownBy(() -> ledger.approve(third, null, null, "处长", null)).isInstanceOf(ApprovalRefusedException.class)
			.hasMessageContaining("nothing can be approved");
	}

	@Test
	void shouldShareThePolicysCapPerEnterprisePerYear() {
		String uscc = fixture.enterprise(LedgerFixture.TIANHE, 2500, 400);
		long base = underReview(uscc, A, "base");
		long compute = underReview(uscc, A, "compute");
		assertThat(ledger.approve(base, null, null, "处长", null).award().amountFen()).isEqualTo(200 * WAN);
		AwardOutcome limited = ledger.approve(compute, null, null, "处长", null);
		assertThat(limited.award().amountFen()).as("300万元 cap less 200万元").isEqualTo(100 * WAN);
		// another year is another cap
		long nextYear = ledger.apply(new Application(uscc, A, "base", 2026, LocalDate.of(2026, 3, 1),
				Map.of("facts", Map.of("district", "440106"), "yearly", Map.of("revenue", Map.of("2025", "3000万元")))),
				"企业", null).award().id();
		ledger.startReview(nextYear, null, "审核员", null);
		assertThat(ledger.approve(nextYear, null, null, "处长", null).award().amountFen()).isEqualTo(200 * WAN);
	}

	@Test
	void shouldHoldTheIssuersCapAcrossItsPolicies() {
		String uscc = fixture.enterprise(LedgerFixture.TIANHE, 2500, 400);
		ledger.approve(underReview(uscc, A, "base"), null, null, "处长", null);
		ledger.approve(underReview(uscc, A, "compute"), null, null, "处长", null);
		long bBase = underReview(uscc, B, "base");
		assertThat(ledger.approve(bBase, null, null, "处长", null).award().amountFen()).as("400万元 less 300万元")
			.isEqualTo(100 * WAN);
		// B's compute clause would still leave 20万元 on its subject and 250万元 under B's own cap
		long bCompute = underReview(uscc, B, "compute");
		assertThatThrownBy(() -> ledger.approve(bCompute, null, null, "处长", null))
			.isInstanceOf(ApprovalRefusedException.class)
			.hasMessageContaining("on all policies of 测试局")
			.satisfies(e -> assertThat(((ApprovalRefusedException) e).binding()).extracting(Limit::kind)
				.containsExactly(Limit.Kind.ISSUER_CAP));
	}

	@Test
	void shouldPayOnlyTheHighestOnASubjectByToppingUpTheDifference() {
		// 就高不重复: A's compute pays 50% of 100万元 = 50万元, B's pays 100% = 100万元, both on 算力补贴
		String uscc = fixture.enterprise(LedgerFixture.TIANHE, 100, 100);
		ledger.approve(underReview(uscc, A, "compute"), null, null, "处长", null);
		AwardOutcome topUp = ledger.approve(underReview(uscc, B, "compute"), null, null, "处长", null);
		assertThat(topUp.award().amountFen()).as("the difference up to the highest").isEqualTo(50 * WAN);

		String other = fixture.enterprise(LedgerFixture.TIANHE, 100, 100);
		ledger.approve(underReview(other, B, "compute"), null, null, "处长", null);
		long lower = underReview(other, A, "compute");
		assertThatThrownBy(() -> ledger.approve(lower, null, null, "处长", null))
			.isInstanceOf(ApprovalRefusedException.class)
			.hasMessageContaining("就高不重复")
			.satisfies(e -> assertThat(((ApprovalRefusedException) e).binding()).extracting(Limit::kind)
				.contains(Limit.Kind.EXCLUSIVE_SUBJECT));
	}

	@Test
	void shouldStopAtThePolicysBudgetAndFreeItOnClawback() {
		// test-ledger-c grants 200万元 from a budget of 500万元; only this test uses it
		long first = underReview(fixture.enterprise(LedgerFixture.TIANHE, null, null), C, "grant");
		long second = underReview(fixture.enterprise(LedgerFixture.TIANHE, null, null), C, "grant");
		long third = underReview(fixture.enterprise(LedgerFixture.TIANHE, null, null), C, "grant");
		long fourth = underReview(fixture.enterprise(LedgerFixture.TIANHE, null, null), C, "grant");
		assertThat(ledger.approve(first, null, null, "处长", null).award().amountFen()).isEqualTo(200 * WAN);
		assertThat(ledger.approve(second, null, null, "处长", null).award().amountFen()).isEqualTo(200 * WAN);
		assertThatThrownBy(() -> ledger.approve(third, 200 * WAN, null, "处长", null))
			.isInstanceOf(ApprovalRefusedException.class).hasMessageContaining("the budget of 500万元")
			.hasMessageContaining("at most 100万元 can be approved");
		assertThat(ledger.approve(third, null, null, "处长", null).award().amountFen()).as("what is left").isEqualTo(100 * WAN);
		assertThatThrownBy(() -> ledger.approve(fourth, null, null, "处长", null))
			.isInstanceOf(ApprovalRefusedException.class).hasMessageContaining("nothing can be approved");
		ledger.disburse(first, "凭证1", "出纳", null);
		ledger.clawBack(first, "项目未投产", "处长", null);
		assertThat(ledger.approve(fourth, null, null, "处长", null).award().amountFen()).isEqualTo(200 * WAN);
		assertThat(ledger.totals(new AwardFilter(C, null, null, null, null))).singleElement().satisfies(total -> {
			assertThat(total.budgetUsedFen()).isEqualTo(500 * WAN);
			assertThat(total.liveFen()).isEqualTo(500 * WAN);
			assertThat(total.clawedBackFen()).isEqualTo(200 * WAN);
			assertThat(total.budgetLeftFen()).isZero();
		});
	}

	@Test
	void shouldReplayARetriedApprovalAndRefuseItsKeyForAnotherRequest() {
		String uscc = fixture.enterprise(LedgerFixture.TIANHE, 1000, null);
		long id = underReview(uscc, A, "base");
		AwardOutcome first = ledger.approve(id, 80 * WAN, null, "处长", "approve-" + id);
		AwardOutcome retry = ledger.approve(id, 80 * WAN, null, "处长", "approve-" + id);
		assertThat(first.replayed()).isFalse();
		assertThat(retry.replayed()).isTrue();
		assertThat(retry.event()).isEqualTo(first.event());
		assertThat(retry.award()).isEqualTo(first.award());
		ledger.disburse(id, null, "出纳", null);
		assertThat(ledger.approve(id, 80 * WAN, null, "处长", "approve-" + id).award().state())
			.as("the first result, not the award as it is now").isEqualTo(AwardState.APPROVED);
		assertThat(ledger.history(id)).hasSize(4);
		assertThatThrownBy(() -> ledger.approve(id, 90 * WAN, null, "处长", "approve-" + id))
			.isInstanceOf(IdempotencyKeyReusedException.class);
		long other = underReview(uscc, A, "base");
		assertThatThrownBy(() -> ledger.approve(other, 10 * WAN, null, "处长", "approve-" + id))
			.isInstanceOf(IdempotencyKeyReusedException.class);
	}

	@Test
	void shouldReplayARetriedApplication() {
		String uscc = fixture.enterprise(LedgerFixture.TIANHE, 1000, null);
		AwardOutcome first = ledger.apply(apply(uscc, A, "base"), "企业", "apply-" + uscc);
		AwardOutcome retry = ledger.apply(apply(uscc, A, "base"), "企业", "apply-" + uscc);
		assertThat(retry.award().id()).isEqualTo(first.award().id());
		assertThat(retry.replayed()).isTrue();
		assertThat(ledger.search(new AwardFilter(null, null, null, uscc, null), 0, 10).total()).isEqualTo(1);
		assertThatThrownBy(() -> ledger.apply(apply(uscc, A, "compute"), "企业", "apply-" + uscc))
			.isInstanceOf(IdempotencyKeyReusedException.class);
	}

	@Test
	void shouldProposeOnlyClausesPaidWithoutApplication() {
		String uscc = fixture.enterprise(LedgerFixture.TIANHE, 1000, null);
		AwardOutcome proposed = ledger.propose(apply(uscc, A, "proactive"), "政策处", null);
		assertThat(proposed.award().state()).isEqualTo(AwardState.UNDER_REVIEW);
		assertThat(proposed.award().entitlementFen()).isEqualTo(30 * WAN);
		assertThatThrownBy(() -> ledger.apply(apply(uscc, A, "proactive"), "企业", null))
			.isInstanceOf(AwardInputException.class).hasMessageContaining("免申即享");
		assertThatThrownBy(() -> ledger.propose(apply(uscc, A, "base"), "政策处", null))
			.isInstanceOf(AwardInputException.class).hasMessageContaining("paid on application");
	}

	@Test
	void shouldRefuseAnApplicationTheFactsDoNotSupportNamingTheField() {
		String haizhu = fixture.enterprise(LedgerFixture.HAIZHU, 1000, null);
		assertThatThrownBy(() -> ledger.apply(apply(haizhu, A, "base"), "企业", null))
			.isInstanceOf(AwardInputException.class).hasMessageContaining("not eligible")
			.hasMessageContaining("district == \"440106\"");
		String unknown = fixture.enterprise(LedgerFixture.TIANHE, null, null);
		assertThatThrownBy(() -> ledger.apply(apply(unknown, A, "base"), "企业", null))
			.isInstanceOf(AwardInputException.class).hasMessageContaining("give revenue[2024]");
		assertThatThrownBy(() -> ledger.apply(new Application(unknown, "no-such-policy", "x", 2025, null, null), "企业", null))
			.isInstanceOf(AwardInputException.class)
			.satisfies(e -> assertThat(((AwardInputException) e).problems()).extracting(AwardProblem::field).containsExactly("policy"));
		assertThatThrownBy(() -> ledger.apply(apply(unknown, A, "bsae"), "企业", null))
			.isInstanceOf(AwardInputException.class).hasMessageContaining("its clauses are base, compute, proactive");
		assertThatThrownBy(() -> ledger.apply(apply("91440101MA5XXXXXX0", A, "base"), "企业", null))
			.isInstanceOf(AwardInputException.class)
			.satisfies(e -> assertThat(((AwardInputException) e).problems()).extracting(AwardProblem::field).containsExactly("uscc"));
		assertThatThrownBy(() -> ledger.apply(new Application(unknown, A, "base", 2025, LocalDate.of(2025, 3, 1),
				Map.of("yearly", Map.of("revenue", Map.of("2024", 1000)))), "企业", null))
			.isInstanceOf(AwardInputException.class)
			.satisfies(e -> assertThat(((AwardInputException) e).problems()).extracting(AwardProblem::field)
				.containsExactly("profile.yearly.revenue.2024"));
	}

	@Test
	void shouldComputeFromAProfileGivenWithTheApplication() {
		String uscc = fixture.enterprise(LedgerFixture.TIANHE, null, null);
		Award award = ledger.apply(new Application(uscc, A, "compute", 2025, LocalDate.of(2025, 3, 1), Map.of("facts",
				Map.of("district", "440106"), "yearly", Map.of("compute_purchases", Map.of("2024", "120万元")))), "企业", null)
			.award();
		assertThat(award.basis()).isEqualTo(Award.Basis.PROFILE);
		assertThat(award.entitlementFen()).isEqualTo(60 * WAN);
	}


	@Test
	void shouldPayAPerProjectClauseOncePerProjectOfTheEnterpriseOnly() {
		String uscc = fixture.enterprise(LedgerFixture.TIANHE, 1500, null);
		String other = fixture.enterprise(LedgerFixture.TIANHE, 1500, null);
		ProjectService projects = context.getBean(ProjectService.class);
		long first = project(projects, uscc, "项目一");
		long second = project(projects, uscc, "项目二");
		long someoneElses = project(projects, other, "他人项目");

		long a = ledger.apply(new Application(uscc, D, "project-grant", 2025, null, null, first), "企业经办人", null).award().id();
		long b = ledger.apply(new Application(uscc, D, "project-grant", 2025, null, null, second), "企业经办人", null).award().id();
		long again = ledger.apply(new Application(uscc, D, "project-grant", 2025, null, null, first), "企业经办人", null)
			.award().id();
		for (long id : new long[] { a, b, again }) {
			ledger.startReview(id, null, "审核员", null);
		}
		assertThat(ledger.approve(a, null, null, "处长", null).award().amountFen()).isEqualTo(80 * WAN);
		assertThat(ledger.approve(b, null, null, "处长", null).award().amountFen())
			.as("another project of the same enterprise gets the clause's entitlement again").isEqualTo(80 * WAN);
		assertThat(ledger.headroom(again).maxFen()).as("the first project has had all its clause pays").isZero();
		assertThatThrownBy(() -> ledger.approve(again, null, null, "处长", null)).isInstanceOf(ApprovalRefusedException.class)
			.hasMessageContaining("project " + first);

		assertThatThrownBy(() -> ledger.apply(new Application(uscc, D, "project-grant", 2025, null, null, null), "企业", null))
			.isInstanceOfSatisfying(AwardInputException.class, e -> assertThat(e.problems()).extracting(AwardProblem::code)
				.containsExactly("project.missing"));
		assertThatThrownBy(() -> ledger.apply(new Application(uscc, D, "project-grant", 2025, null, null, someoneElses), "企业", null))
			.isInstanceOfSatisfying(AwardInputException.class, e -> assertThat(e.problems()).extracting(AwardProblem::code)
				.containsExactly("project.other-enterprise"));
		assertThatThrownBy(() -> ledger.apply(new Application(uscc, D, "project-grant", 2025, null, null, 987654321L), "企业", null))
			.isInstanceOfSatisfying(AwardInputException.class, e -> assertThat(e.problems()).extracting(AwardProblem::code)
				.containsExactly("project.unknown"));
		assertThatThrownBy(() -> ledger.apply(new Application(uscc, D, "grant", 2025, null, null, first), "企业", null))
			.as("a clause that pays the enterprise is not drawn once per project")
			.isInstanceOfSatisfying(AwardInputException.class, e -> assertThat(e.problems()).extracting(AwardProblem::code)
				.containsExactly("project.not-per-project"));
	}

	private static long project(ProjectService projects, String investor, String name) {
		return projects.create(new dev.lantu.projects.ProjectDraft(name, investor, "测试投资方", LedgerFixture.TIANHE, List.of(),
				100 * WAN, null, null, null, null, null, true, dev.lantu.projects.Stage.SIGNED, java.time.LocalDate.of(2025, 2, 7),
				"签约"), "测试员").id();
	}

}
