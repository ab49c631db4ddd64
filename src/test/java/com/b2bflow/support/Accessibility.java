package com.b2bflow.support;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * axe-core's accessibility rules (WCAG 2.x A and AA) run on the page a browser test has open: a violation of impact
 * serious or critical fails the test and names the rule and the elements; moderate and minor ones are left to review.
 */
public final class Accessibility {

    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private Accessibility() {}

    /** Fails with every serious or critical violation on the page, one line each. */
    public static void check(Page page) {
        List<String> failing = violations(page).stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
                .map(Accessibility::describe)
                .toList();
        if (!failing.isEmpty()) {
            throw new AssertionError("axe-core found serious or critical accessibility violations on " + page.url()
                    + ":\n" + String.join("\n", failing));
        }
    }

    /**
     * Every violation axe-core reports for the page, whatever its impact. axe runs in the page itself (legacy mode):
     * the default mode finishes each run in a new browser page, which costs a second a check; the storefront has no
     * frames to reach across. Only the violations come back, not the passes.
     */
    public static List<Rule> violations(Page page) {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        AxeResults results = new AxeBuilder(page)
                .options(options)
                .withTags(WCAG)
                .setLegacyMode(true)
                .analyze();
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + page.url() + ": " + results.getErrorMessage());
        }
        return results.getViolations();
    }

    private static String describe(Rule rule) {
        String elements = rule.getNodes().stream()
                .map(CheckedNode::getTarget)
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
        return "- " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " (" + elements + ")";
    }
}
