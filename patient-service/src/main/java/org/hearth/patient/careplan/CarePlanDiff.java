package org.hearth.patient.careplan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What changed between two versions, section by section: the entries added and removed (an edited entry shows
 * as one removed and one added, which is how reviewers read a plan revision anyway).
 */
public record CarePlanDiff(int from, int to, List<SectionChange> changes) {

    public record SectionChange(String section, List<Object> added, List<Object> removed) {}

    public static CarePlanDiff between(CarePlanVersion from, CarePlanVersion to) {
        List<SectionChange> changes = new ArrayList<>();
        compare("problems", from, to, CarePlanContent::problems, changes);
        compare("interventions", from, to, CarePlanContent::interventions, changes);
        compare("medications", from, to, CarePlanContent::medications, changes);
        compare("diet", from, to, CarePlanContent::diet, changes);
        compare("equipment", from, to, CarePlanContent::equipment, changes);
        compare("communityServices", from, to, CarePlanContent::communityServices, changes);
        compare("frequency", from, to, c -> List.of(c.frequency()), changes);
        return new CarePlanDiff(from.number(), to.number(), changes);
    }

    private static void compare(
            String section,
            CarePlanVersion from,
            CarePlanVersion to,
            Function<CarePlanContent, List<?>> field,
            List<SectionChange> changes) {
        Set<Object> before = new LinkedHashSet<>(field.apply(from.content()));
        Set<Object> after = new LinkedHashSet<>(field.apply(to.content()));
        List<Object> added =
                after.stream().filter(item -> !before.contains(item)).toList();
        List<Object> removed =
                before.stream().filter(item -> !after.contains(item)).toList();
        if (!added.isEmpty() || !removed.isEmpty()) {
            changes.add(new SectionChange(section, added, removed));
        }
    }
}
