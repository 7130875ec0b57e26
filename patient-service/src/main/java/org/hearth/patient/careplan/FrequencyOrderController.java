package org.hearth.patient.careplan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads a frequency notation without saving anything, so that a plan editor can show, while the author types, what
 * the order means and the parser's own message when it cannot be read: the same {@link FrequencyNotation} that the
 * draft save uses, so the preview and the save never disagree. It reads no patient's data.
 */
@RestController
@RequestMapping("/api/patients/v1/frequency-orders")
@Tag(name = "Care plan")
class FrequencyOrderController {

    record ParseRequest(@NotNull @Size(max = 1000) String notation) {}

    record DisciplineView(String code, String description) {}

    record OrderView(
            DisciplineView discipline,
            List<FrequencyOrder.Segment> segments,
            int prnVisits,
            int totalWeeks,
            int maxScheduledVisits) {
        static OrderView of(FrequencyOrder order) {
            return new OrderView(
                    new DisciplineView(
                            order.discipline().name(), order.discipline().description()),
                    order.segments(),
                    order.prnVisits(),
                    order.totalWeeks(),
                    order.maxScheduledVisits());
        }
    }

    /**
     * A reading: either the orders and their canonical notation, or why the notation cannot be read. An unreadable
     * notation is an answer here, not a failed request: the editor asks with every keystroke.
     */
    record Reading(boolean valid, String canonical, List<OrderView> orders, String error) {}

    @PostMapping("/parse")
    @PreAuthorize(CarePlanController.AUTHORS)
    @Operation(
            summary = "Read a frequency notation without saving it",
            description = "E.g. \"SN 2W4, PT 3W2\". "
                    + "Answers 200 with valid=true, the canonical notation and each order (visits per week and weeks, PRN "
                    + "visits, total weeks, most scheduled visits), or valid=false and the parser's message, the same one "
                    + "the draft save answers with 400")
    Reading parse(@Valid @RequestBody ParseRequest request) {
        try {
            List<FrequencyOrder> orders = FrequencyNotation.parse(request.notation());
            return new Reading(
                    true,
                    FrequencyNotation.format(orders),
                    orders.stream().map(OrderView::of).toList(),
                    null);
        } catch (FrequencyNotation.InvalidFrequencyException e) {
            return new Reading(false, null, List.of(), e.getMessage());
        }
    }
}
