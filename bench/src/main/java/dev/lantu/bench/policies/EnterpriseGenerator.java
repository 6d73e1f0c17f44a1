package dev.lantu.bench.policies;

import dev.lantu.bench.policies.EnterpriseTable.BooleanColumn;
import dev.lantu.bench.policies.EnterpriseTable.Column;
import dev.lantu.bench.policies.EnterpriseTable.DateColumn;
import dev.lantu.bench.policies.EnterpriseTable.MoneyColumn;
import dev.lantu.bench.policies.EnterpriseTable.NumberColumn;
import dev.lantu.bench.policies.EnterpriseTable.SetColumn;
import dev.lantu.bench.policies.EnterpriseTable.TextColumn;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Variable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Generates a registry of enterprises with the shapes of a real one: sizes log-normal (a few giants,
 * many small firms), figures that follow size (R&D a share of revenue, tax a share of revenue), growth
 * from year to year, qualifications more likely for R&D-heavy firms, filings for large-model firms,
 * and some facts unknown (the current year's figures most often: the year is not closed). The same seed
 * and size give the same table, whatever the number of threads: rows are drawn in blocks, each block
 * from a generator seeded by the seed and the block's number.
 */
public final class EnterpriseGenerator {

    /** Guangzhou's eleven districts (GB/T 2260) with weights roughly like their counts of enterprises. */
    public static final List<String> DISTRICTS = List.of("440103", "440104", "440105", "440106", "440111", "440112",
            "440113", "440114", "440115", "440117", "440118");
    private static final int[] DISTRICT_WEIGHTS = { 6, 9, 9, 16, 12, 11, 12, 7, 7, 3, 8 };
    public static final String HAIZHU = "440105";
    public static final String TIANHE = "440106";

    public static final List<String> QUALIFICATIONS = List.of("高新技术企业", "科技型中小企业", "专精特新", "小巨人", "瞪羚企业",
            "独角兽", "单项冠军", "规上企业");
    private static final double[] QUALIFICATION_RATES = { 0.22, 0.28, 0.07, 0.012, 0.02, 0.001, 0.003, 0.35 };

    public static final List<String> TRACKS = List.of("ai", "semiconductor", "biomedicine", "nev", "low_altitude",
            "smart_equipment", "new_materials", "digital_creative", "fashion", "marine", "new_energy", "software");

    public static final List<String> INDUSTRIES = List.of("C", "I", "M", "F", "L", "K", "E", "G");

    private static final int BLOCK = 1 << 14;
    private static final int YEARS = EnterpriseTable.LAST_YEAR - EnterpriseTable.FIRST_YEAR + 1;
    private static final int Y2023 = 0;
    private static final int Y2024 = 1;
    private static final int Y2025 = 2;

    private EnterpriseGenerator() {
    }

    /** {@code size} enterprises over {@code schema} (the benchmark's schema, bench-schema.yaml), drawn from {@code seed}. */
    public static EnterpriseTable generate(Schema schema, int size, long seed) {
        Arrays a = new Arrays(size);
        int blocks = (size + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(block -> {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + block);
            int end = Math.min(size, (block + 1) * BLOCK);
            for (int row = block * BLOCK; row < end; row++) {
                a.fill(row, random);
            }
        });
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Variable variable : schema.variables()) {
            if (variable.isYearly()) {
                for (int year = EnterpriseTable.FIRST_YEAR; year <= EnterpriseTable.LAST_YEAR; year++) {
                    columns.put(EnterpriseTable.columnName(variable, year), a.yearly(variable, year - EnterpriseTable.FIRST_YEAR));
                }
            }
            else {
                columns.put(variable.name(), a.statics(variable));
            }
        }
        return new EnterpriseTable(size, schema, columns);
    }

    /** The columns while they are filled; each row is written by one thread only. */
    private static final class Arrays {
        final int[] district;
        final int[] industry;
        final long[] qualifications;
        final long[] tracks;
        final int[] registeredOn;
        final int[] highTechOn;
        final byte[] listed;
        final byte[] headquarters;
        final byte[] stateOwned;
        final byte[] largeModel;
        final int[] llmFiling;
        final int[] algorithmFiling;
        final Map<String, long[][]> money = new LinkedHashMap<>();
        final Map<String, int[][]> numbers = new LinkedHashMap<>();
        final byte[][] scenarioProject;

        Arrays(int size) {
            district = new int[size];
            industry = new int[size];
            qualifications = new long[size];
            tracks = new long[size];
            registeredOn = new int[size];
            highTechOn = new int[size];
            listed = new byte[size];
            headquarters = new byte[size];
            stateOwned = new byte[size];
            largeModel = new byte[size];
            llmFiling = new int[size];
            algorithmFiling = new int[size];
            for (String name : List.of("revenue", "rd_expense", "compute_purchases", "data_purchases", "algorithm_procurement",
                    "equipment_purchases", "fixed_asset_investment", "tax_paid", "export_value", "profit",
                    "model_optimisation_expense", "scenario_project_input")) {
                money.put(name, new long[YEARS][size]);
            }
            for (String name : List.of("employees", "rd_staff", "patents_granted", "software_copyrights", "energy_use")) {
                numbers.put(name, new int[YEARS][size]);
            }
            scenarioProject = new byte[YEARS][size];
        }

        Column statics(Variable variable) {
            return switch (variable.name()) {
                case "district" -> new TextColumn(district, DISTRICTS);
                case "industry_code" -> new TextColumn(industry, INDUSTRIES);
                case "qualifications" -> new SetColumn(qualifications, QUALIFICATIONS);
                case "tracks" -> new SetColumn(tracks, TRACKS);
                case "registered_on" -> new DateColumn(registeredOn);
                case "high_tech_certified_on" -> new DateColumn(highTechOn);
                case "listed" -> new BooleanColumn(listed);
                case "headquarters" -> new BooleanColumn(headquarters);
                case "state_owned" -> new BooleanColumn(stateOwned);
                case "large_model_enterprise" -> new BooleanColumn(largeModel);
                case "llm_filing_first_on" -> new DateColumn(llmFiling);
                case "algorithm_filing_first_on" -> new DateColumn(algorithmFiling);
                default -> throw new IllegalArgumentException("the generator knows no static variable " + variable.name());
            };
        }

        Column yearly(Variable variable, int index) {
            if (money.containsKey(variable.name())) {
                return new MoneyColumn(money.get(variable.name())[index]);
            }
            if (numbers.containsKey(variable.name())) {
                return new NumberColumn(numbers.get(variable.name())[index]);
            }
            if (variable.name().equals("scenario_demonstration_project")) {
                return new BooleanColumn(scenarioProject[index]);
            }
            throw new IllegalArgumentException("the generator knows no yearly variable " + variable.name());
        }

        void fill(int row, SplittableRandom random) {
            int d = weighted(random, DISTRICT_WEIGHTS);
            district[row] = d;
            industry[row] = random.nextInt(INDUSTRIES.size());
            // size: log-normal around 2000万元 of revenue; most firms small, a few giants
            double scale = Math.exp(gaussian(random) * 1.4);
            double rdIntensity = Math.min(0.25, Math.exp(Math.log(0.03) + gaussian(random) * 0.8));
            long mask = 0;
            for (int q = 0; q < QUALIFICATIONS.size(); q++) {
                double rate = QUALIFICATION_RATES[q] * (q == 7 ? Math.min(2.5, scale) : rdIntensity / 0.03);
                if (random.nextDouble() < rate) {
                    mask |= 1L << q;
                }
            }
            qualifications[row] = random.nextDouble() < 0.08 ? SetColumn.UNKNOWN : mask;
            long trackMask = 1L << random.nextInt(TRACKS.size());
            if (random.nextDouble() < 0.35) {
                trackMask |= 1L << random.nextInt(TRACKS.size());
            }
            tracks[row] = random.nextDouble() < 0.05 ? SetColumn.UNKNOWN : trackMask;
            registeredOn[row] = random.nextDouble() < 0.01 ? DateColumn.UNKNOWN
                    : (int) LocalDate.of(1990, 1, 1).toEpochDay() + random.nextInt(35 * 365);
            highTechOn[row] = (mask & 1) != 0 && random.nextDouble() < 0.9
                    ? (int) LocalDate.of(2016, 1, 1).toEpochDay() + random.nextInt(9 * 365 + 150) : DateColumn.UNKNOWN;
            listed[row] = flag(random, Math.min(0.5, 0.01 * scale), 0.02);
            headquarters[row] = flag(random, Math.min(0.5, 0.005 * scale), 0.05);
            stateOwned[row] = flag(random, 0.05, 0.03);
            boolean aiDistrict = DISTRICTS.get(d).equals(HAIZHU) || DISTRICTS.get(d).equals(TIANHE);
            largeModel[row] = flag(random, aiDistrict ? 0.04 : 0.004, 0.1);
            boolean isLargeModel = largeModel[row] == 1;
            llmFiling[row] = isLargeModel && random.nextDouble() < 0.6
                    ? (int) LocalDate.of(2023, 8, 1).toEpochDay() + random.nextInt(700) : DateColumn.UNKNOWN;
            algorithmFiling[row] = random.nextDouble() < (isLargeModel ? 0.8 : 0.03)
                    ? (int) LocalDate.of(2022, 3, 1).toEpochDay() + random.nextInt(1200) : DateColumn.UNKNOWN;

            double revenue2024 = 2e9 * scale * Math.exp(gaussian(random) * 0.3); // fen
            double[] revenue = { revenue2024 / Math.exp(0.08 + gaussian(random) * 0.2), revenue2024,
                    revenue2024 * Math.exp(0.08 + gaussian(random) * 0.2) };
            double employees = Math.max(1, 12 * Math.pow(scale, 0.8) * Math.exp(gaussian(random) * 0.3));
            boolean buysCompute = random.nextDouble() < (isLargeModel ? 0.95 : 0.25);
            boolean buysData = random.nextDouble() < (isLargeModel ? 0.8 : 0.1);
            boolean exports = random.nextDouble() < 0.2;
            for (int y = 0; y < YEARS; y++) {
                // the current year is not closed: its figures are missing more often
                double missing = y == Y2025 ? 0.3 : 0.03;
                double r = revenue[y];
                set("revenue", y, row, random, missing, Math.max(100, r));
                set("rd_expense", y, row, random, missing + 0.07, r * rdIntensity * Math.exp(gaussian(random) * 0.1));
                set("compute_purchases", y, row, random, missing + 0.1, buysCompute ? r * 0.02 * Math.exp(gaussian(random)) : 0);
                set("data_purchases", y, row, random, missing + 0.1, buysData ? r * 0.01 * Math.exp(gaussian(random)) : 0);
                set("algorithm_procurement", y, row, random, missing + 0.1, buysData ? r * 0.005 * Math.exp(gaussian(random)) : 0);
                set("equipment_purchases", y, row, random, missing + 0.1, r * 0.03 * Math.exp(gaussian(random)));
                set("fixed_asset_investment", y, row, random, missing + 0.1, r * 0.08 * Math.exp(gaussian(random)));
                set("tax_paid", y, row, random, missing, r * (0.03 + 0.05 * random.nextDouble()));
                set("export_value", y, row, random, missing + 0.05, exports ? r * 0.3 * random.nextDouble() : 0);
                set("profit", y, row, random, missing, r * (0.06 + gaussian(random) * 0.1));
                set("model_optimisation_expense", y, row, random, isLargeModel ? missing : 0.5,
                        isLargeModel ? 1e7 * Math.exp(gaussian(random) * 1.2) : 0);
                // a recognised demonstration project always has its audited input on record
                byte project = flag(random, isLargeModel ? 0.3 : 0.01, 0.09);
                scenarioProject[y][row] = project;
                set("scenario_project_input", y, row, random, project == 1 ? 0 : 0.5,
                        project == 1 ? 5e8 * Math.exp(gaussian(random) * 0.8) : 0);
                double people = employees * Math.exp(gaussian(random) * 0.1 + (y - 1) * 0.03);
                count("employees", y, row, random, missing, Math.max(1, people));
                count("rd_staff", y, row, random, missing + 0.1, people * rdIntensity * 4);
                count("patents_granted", y, row, random, missing + 0.1, random.nextDouble() * rdIntensity * 40 * Math.sqrt(scale));
                count("software_copyrights", y, row, random, missing + 0.1, random.nextDouble() * 6 * Math.sqrt(scale));
                count("energy_use", y, row, random, missing + 0.2, people * 2 * Math.exp(gaussian(random)));
            }
        }

        private void set(String name, int year, int row, SplittableRandom random, double missing, double fen) {
            money.get(name)[year][row] = random.nextDouble() < missing ? MoneyColumn.UNKNOWN : Math.round(fen);
        }

        private void count(String name, int year, int row, SplittableRandom random, double missing, double value) {
            numbers.get(name)[year][row] = random.nextDouble() < missing ? NumberColumn.UNKNOWN : (int) Math.round(value);
        }
    }

    private static byte flag(SplittableRandom random, double trueRate, double missing) {
        if (random.nextDouble() < missing) {
            return BooleanColumn.UNKNOWN;
        }
        return random.nextDouble() < trueRate ? (byte) 1 : (byte) 0;
    }

    private static int weighted(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A standard normal draw (Box–Muller); SplittableRandom has none in Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
