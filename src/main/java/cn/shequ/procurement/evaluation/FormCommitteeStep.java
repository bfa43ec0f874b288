package cn.shequ.procurement.evaluation;

import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseStep;
import cn.shequ.procurement.PurchaseStepHandler;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * form-committee: the purchaser appoints the evaluation committee (user names, comma separated) and which of
 * them are experts; {@link Evaluation#appoint} holds the rules of its size and make-up.
 */
@Component
class FormCommitteeStep implements PurchaseStepHandler {

    private final Evaluation evaluation;

    FormCommitteeStep(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public String taskKey() {
        return Tasks.FORM_COMMITTEE;
    }

    @Override
    public List<String> fields() {
        return List.of("members", "experts");
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        TaskInput input = step.input();
        List<String> members = ids(input.text("members", "评审委员会成员（用户名，逗号分隔）", TEXT_MAX, true));
        Set<String> experts = new LinkedHashSet<>(ids(input.text("experts", "其中的评审专家", TEXT_MAX, false)));
        input.refuseIfInvalid();
        evaluation.appoint(step.procurement(), members, experts, step.actor().userId());
        step.fields().record("members", members);
        step.fields().record("experts", List.copyOf(experts));
        return StepOutcome.none();
    }

    static List<String> ids(String csv) {
        if (csv == null) {
            return List.of();
        }
        return Arrays.stream(csv.split("[,，\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
