package dev.lantu.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Hosting;
import dev.lantu.atlas.Layout;
import dev.lantu.atlas.LayoutMatrix;
import dev.lantu.atlas.Region;
import dev.lantu.registry.store.EnterpriseRepository;
import dev.lantu.registry.store.EnterpriseWriter;

/**
 * A seeded, deterministic generator of a plausible registry, so a new installation has enterprises to
 * show. Every record it makes is marked synthetic and named （合成）. Enterprises go to districts in
 * proportion to the city tracks each district hosts (atlas layout), and take an industry code from a
 * track they host through {@link #INDUSTRIES_BY_TRACK_WORD}, a small hand-made mapping from words of
 * track ids to plausible GB/T 4754 classes: illustrative, not a crosswalk (that is classification's
 * job). Financials are log-normal; USCCs are valid (both check characters) and carry the district's code.
 */
@Component
public class SyntheticRegistry {

	private static final Logger log = LoggerFactory.getLogger(SyntheticRegistry.class);

	public static final String ACTOR = "synthetic generator";

	/** Words of track ids (gz.cluster.nev → nev) and industry classes plausible for them. Synthetic data only. */
	static final Map<String, List<String>> INDUSTRIES_BY_TRACK_WORD = Map.ofEntries(
			Map.entry("ai", List.of("6511", "6513", "6550", "6531")), Map.entry("software", List.of("6511", "6513", "6531", "6540")),
			Map.entry("digital", List.of("6513", "6550", "6432")), Map.entry("semiconductor", List.of("3973", "6520", "3985")),
			Map.entry("display", List.of("3974", "3975", "3985")), Map.entry("nev", List.of("3612", "3670", "3841")),
			Map.entry("biomed", List.of("2761", "2720", "3581", "7340")), Map.entry("biomanufacturing", List.of("2761", "2614")),
			Map.entry("cellgene", List.of("2761", "7340")), Map.entry("equipment", List.of("3491", "3581", "3990")),
			Map.entry("embodied", List.of("3491", "3964")), Map.entry("unmanned", List.of("3963", "3491")),
			Map.entry("lowaltitude", List.of("3963", "3744", "3741")), Map.entry("deepspace", List.of("3742", "3940")),
			Map.entry("energy", List.of("3841", "3825", "4416")), Map.entry("fashion", List.of("1819", "1952", "2682", "1830")),
			Map.entry("construction", List.of("4710")), Map.entry("finance", List.of("6621", "6940", "7212")),
			Map.entry("commerce", List.of("5211", "5292")), Map.entry("marine", List.of("3731")),
			Map.entry("rail", List.of("3711", "5311")), Map.entry("petrochem", List.of("2511", "2614", "2651")),
			Map.entry("techservices", List.of("7320", "7520", "7281")), Map.entry("professional", List.of("7211", "7520")),
			Map.entry("culture", List.of("6572", "8810")), Map.entry("tourism", List.of("9030")),
			Map.entry("logistics", List.of("5821", "5810", "5990")), Map.entry("materials", List.of("3985", "2651")),
			Map.entry("quantum", List.of("7320", "3990")), Map.entry("service", List.of("7211", "7320", "5821")));

	/** Industries of enterprises outside any track: every registry has them. */
	private static final List<String> OTHER_INDUSTRIES = List.of("5211", "7211", "4710", "5821", "3670", "6513", "1819", "7320");

	private static final String[] WORDS = { "星", "云", "智", "创", "远", "华", "瑞", "恒", "启", "明", "博", "达", "信", "航", "海",
			"泰", "安", "宏", "新", "锐" };

	private final EnterpriseWriter writer;

	private final EnterpriseRepository repository;

	private final AtlasService atlas;

	private final IndustryClassification industries;

	private final TransactionTemplate transaction;

	private final Clock clock = Clock.systemDefaultZone();

	SyntheticRegistry(EnterpriseWriter writer, EnterpriseRepository repository, AtlasService atlas,
			IndustryClassification industries, TransactionTemplate transaction) {
		this.writer = writer;
		this.repository = repository;
		this.atlas = atlas;
		this.industries = industries;
		this.transaction = transaction;
	}

	/** Generates {@code count} enterprises unless synthetic ones exist already; returns how many it made. */
	public int generateOnce(int count, long seed) {
		if (count <= 0 || repository.anySynthetic()) {
			return 0;
		}
		List<EnterpriseRecord> records = generate(count, seed);
		transaction.executeWithoutResult(status -> {
			// a real enterprise that happens to have a generated code is left alone
			Set<String> taken = new HashSet<>();
			List<String> codes = records.stream().map(EnterpriseRecord::uscc).distinct().toList();
			for (int i = 0; i < codes.size(); i += EnterpriseWriter.BATCH) {
				taken.addAll(repository.existing(codes.subList(i, Math.min(codes.size(), i + EnterpriseWriter.BATCH))));
			}
			EnterpriseWriter.Batch batch = writer.open(ACTOR, "synthetic registry (seed " + seed + ")", OffsetDateTime.now(clock));
			String previous = null;
			for (EnterpriseRecord record : records) {
				if (!taken.contains(record.uscc())) {
					batch.add(record, record.uscc().equals(previous) ? EnterpriseWriter.Origin.ADDED : EnterpriseWriter.Origin.NEW);
				}
				previous = record.uscc();
			}
			batch.flush();
		});
		log.info("generated {} synthetic enterprises (seed {}), all marked synthetic", count, seed);
		return count;
	}

	/** The records of a synthetic registry: the same seed and atlas give the same records (dates relative to today). */
	public List<EnterpriseRecord> generate(int count, long seed) {
		Random random = new Random(seed);
		LocalDate today = LocalDate.now(clock);
		Layout layout = atlas.layout(null);
		List<Region> districts = atlas.districts();
		Map<String, List<String>> industriesOf = new LinkedHashMap<>();
		double[] weights = new double[districts.size()];
		double totalWeight = 0;
		for (int d = 0; d < districts.size(); d++) {
			List<String> codes = new ArrayList<>();
			for (LayoutMatrix.CityTrack track : layout.tracks()) {
				if (layout.cell(districts.get(d).code(), track.track().id()).hosting() == Hosting.HOSTED) {
					codes.addAll(industriesOfTrack(track.track().id()));
				}
			}
			industriesOf.put(districts.get(d).code(), codes);
			weights[d] = 1 + codes.size();
			totalWeight += weights[d];
		}
		Set<String> usccs = new HashSet<>();
		List<EnterpriseRecord> records = new ArrayList<>();
		for (int n = 1; usccs.size() < count; n++) {
			Region district = districts.get(pick(weights, totalWeight, random));
			List<String> hosted = industriesOf.get(district.code());
			String industry = hosted.isEmpty() || random.nextInt(5) == 0
					? OTHER_INDUSTRIES.get(random.nextInt(OTHER_INDUSTRIES.size()))
					: hosted.get(random.nextInt(hosted.size()));
			String uscc = uscc(district.code(), random);
			if (!usccs.add(uscc)) {
				continue;
			}
			LocalDate founded = today.minusDays(200 + random.nextInt(25 * 365));
			String name = "（合成）" + district.name().zh().replace("区", "") + WORDS[random.nextInt(WORDS.length)]
					+ WORDS[random.nextInt(WORDS.length)] + industries.find(industry).map(IndustryClass::name).orElse("")
					.replaceAll("[、，（）()]", "").replaceAll("制造$|服务$", "") + "有限公司" + String.format("%05d", n);
			double size = random.nextGaussian();
			List<Qualification> qualifications = qualifications(industry, size, today, random);
			List<Filing> filings = new ArrayList<>();
			if (industry.startsWith("65") && random.nextInt(25) == 0) {
				filings.add(new Filing(FilingType.GENERATIVE_AI, today.minusDays(30 + random.nextInt(600)), null, null));
			}
			if (industry.startsWith("65") && random.nextInt(10) == 0) {
				filings.add(new Filing(FilingType.ALGORITHM, today.minusDays(30 + random.nextInt(900)), null, null));
			}
			boolean first = true;
			for (int year = Math.max(founded.getYear(), today.getYear() - 3); year < today.getYear(); year++) {
				Map<Figure, Long> figures = figures(industry, size, year - today.getYear(), random);
				records.add(new EnterpriseRecord(uscc, name.length() > 300 ? name.substring(0, 300) : name, List.of(),
						district.code(), industry, founded, EnterpriseStatus.OPERATING, null, true, year, figures,
						first ? qualifications : List.of(), first ? filings : List.of()));
				first = false;
			}
			if (first) {
				records.add(new EnterpriseRecord(uscc, name, List.of(), district.code(), industry, founded,
						EnterpriseStatus.OPERATING, null, true, null, Map.of(), qualifications, filings));
			}
		}
		return records;
	}

	static List<String> industriesOfTrack(String trackId) {
		String word = trackId.substring(trackId.lastIndexOf('.') + 1);
		return INDUSTRIES_BY_TRACK_WORD.getOrDefault(word, List.of());
	}

	private static int pick(double[] weights, double total, Random random) {
		double r = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** Log-normal revenue (median 2,000 万元), headcount and the rest following it; some noise year to year. */
	private static Map<Figure, Long> figures(String industry, double size, int yearsAgo, Random random) {
		Map<Figure, Long> figures = new EnumMap<>(Figure.class);
		double revenueYuan = Math.exp(Math.log(2e7) + 1.4 * size + 0.1 * yearsAgo + 0.15 * random.nextGaussian());
		long revenueFen = Math.round(revenueYuan / 100) * 10_000; // whole hundreds of yuan
		figures.put(Figure.REVENUE, revenueFen);
		figures.put(Figure.EMPLOYEES, Math.max(1, Math.round(revenueYuan / Math.exp(Math.log(8e5) + 0.4 * random.nextGaussian()))));
		figures.put(Figure.RD_EXPENSE, Math.round(revenueFen * Math.exp(Math.log(0.03) + 0.6 * random.nextGaussian()) / 100) * 100);
		figures.put(Figure.TAX, Math.round(revenueFen * 0.04 * (0.5 + random.nextDouble()) / 100) * 100);
		if (Character.isDigit(industry.charAt(0)) && industry.compareTo("1300") >= 0 && industry.compareTo("4300") < 0) {
			figures.put(Figure.INDUSTRIAL_OUTPUT, Math.round(revenueFen * (0.9 + 0.2 * random.nextDouble()) / 100) * 100);
			figures.put(Figure.FIXED_ASSET_INVESTMENT, Math.round(revenueFen * 0.1 * random.nextDouble() / 100) * 100);
		}
		if (industry.startsWith("65") && random.nextInt(3) == 0) {
			figures.put(Figure.COMPUTE_PURCHASES, Math.round(revenueFen * 0.05 * random.nextDouble() / 100) * 100);
		}
		return figures;
	}

	private static List<Qualification> qualifications(String industry, double size, LocalDate today, Random random) {
		List<Qualification> qualifications = new ArrayList<>();
		boolean technical = industry.compareTo("2500") >= 0 && industry.compareTo("4000") < 0 || industry.startsWith("65")
				|| industry.startsWith("73");
		if (technical && random.nextInt(4) == 0) {
			LocalDate from = today.minusDays(random.nextInt(3 * 365));
			qualifications.add(new Qualification(QualificationType.HIGH_TECH, from, from.plusYears(3).minusDays(1), null, null));
		}
		if (technical && size < 0.5 && random.nextInt(4) == 0) {
			LocalDate from = LocalDate.of(today.getYear(), 1, 1).minusYears(random.nextInt(2));
			qualifications.add(new Qualification(QualificationType.TECH_SME, from, from.plusYears(1).minusDays(1), null, null));
		}
		if (size > 0.5 && random.nextInt(12) == 0) {
			LocalDate from = today.minusDays(random.nextInt(3 * 365));
			qualifications.add(new Qualification(QualificationType.SPECIALISED_SME, from, from.plusYears(3).minusDays(1), null, null));
			if (random.nextInt(8) == 0) {
				qualifications.add(new Qualification(QualificationType.LITTLE_GIANT, from, from.plusYears(3).minusDays(1), null, null));
			}
		}
		if (size > 2.2 && random.nextInt(3) == 0) {
			qualifications.add(new Qualification(QualificationType.LISTED, today.minusDays(random.nextInt(3650)), null, null, null));
		}
		return qualifications;
	}

	private static final String SYMBOLS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] ORGANISATION_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

	/**
	 * A valid USCC of an enterprise (9 1) issued in the district: 8 random organisation-code characters with
	 * their GB 11714 check character, then the GB 32100 check character.
	 */
	static String uscc(String districtCode, Random random) {
		StringBuilder body = new StringBuilder();
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			// digits and the letters both standards share; GB 11714 values a letter as 10 + its place in A-Z
			char c = SYMBOLS.charAt(random.nextInt(random.nextInt(4) == 0 ? SYMBOLS.length() : 10));
			body.append(c);
			sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * ORGANISATION_WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		char organisationCheck = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
		String first17 = "91" + districtCode + body + organisationCheck;
		return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
	}

}
