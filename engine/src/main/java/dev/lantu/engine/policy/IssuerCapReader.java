package dev.lantu.engine.policy;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the caps issuers put on all their policies together ({@code policies/issuers.yaml}):
 * <pre>
 * issuers:
 *   - issuer: 某区科技工业商务和信息化局
 *     cap_per_enterprise_per_year: 2000万元
 *     reference: 《某区产业扶持资金管理办法》第八条
 * </pre>
 * Every problem is reported with its line and column; an issuer named twice is an error.
 */
public final class IssuerCapReader {

    private static final List<String> TOP = List.of("issuers");
    private static final List<String> ISSUER = List.of("issuer", "cap_per_enterprise_per_year", "reference");

    private IssuerCapReader() {
    }

    /** @param caps the caps, empty when there are errors */
    public record Result(List<IssuerCap> caps, List<PolicyError> errors) {
        public Result {
            caps = List.copyOf(caps);
            errors = List.copyOf(errors);
        }

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    public static Result read(String file, String text) {
        YamlFile yaml = new YamlFile(file, text);
        List<IssuerCap> caps = new ArrayList<>();
        yaml.root().flatMap(root -> yaml.mapping(root, "", TOP).flatMap(top -> yaml.field(top, root, "", "issuers", true)))
                .flatMap(node -> yaml.sequence(node, "issuers"))
                .ifPresent(items -> {
                    Set<String> seen = new HashSet<>();
                    for (int i = 0; i < items.size(); i++) {
                        cap(yaml, items.get(i), "issuers[" + i + "]", seen).ifPresent(caps::add);
                    }
                });
        return yaml.hasErrors() ? new Result(List.of(), yaml.errors()) : new Result(caps, List.of());
    }

    private static Optional<IssuerCap> cap(YamlFile yaml, Node node, String path, Set<String> seen) {
        return yaml.mapping(node, path, ISSUER).flatMap(fields -> {
            int before = yaml.errors().size();
            String issuer = yaml.field(fields, node, path, "issuer", true).flatMap(n -> yaml.text(n, path + ".issuer"))
                    .orElse(null);
            if (issuer != null && !seen.add(issuer)) {
                yaml.error(fields.get("issuer").value(), path + ".issuer", "the issuer " + issuer + " is capped twice", "");
            }
            Long fen = yaml.field(fields, node, path, "cap_per_enterprise_per_year", true)
                    .flatMap(n -> yaml.value(n, path + ".cap_per_enterprise_per_year", Type.MONEY))
                    .map(value -> ((Value.Money) value).fen()).orElse(null);
            if (fen != null && fen < 0) {
                yaml.error(fields.get("cap_per_enterprise_per_year").value(), path + ".cap_per_enterprise_per_year",
                        "a cap cannot be negative", "");
            }
            String reference = yaml.field(fields, node, path, "reference", true)
                    .flatMap(n -> yaml.text(n, path + ".reference")).orElse(null);
            if (yaml.errors().size() > before) {
                return Optional.empty();
            }
            return Optional.of(new IssuerCap(issuer, fen, reference));
        });
    }
}
