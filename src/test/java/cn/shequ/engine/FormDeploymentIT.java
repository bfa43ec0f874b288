package cn.shequ.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.ShequIT;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The forms in forms/ deploy together with processes/, so that a user task's
 * {@code camunda:formRef} with {@code formRefBinding="deployment"} resolves (the starter's
 * default pattern leaves .form files out).
 */
@ShequIT
class FormDeploymentIT {

    @Autowired
    ProcessEngine engine;

    @Test
    void formsDeployWithTheProcessesAndResolveFromAUserTask() throws Exception {
        RepositoryService repository = engine.getRepositoryService();
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        FormService forms = engine.getFormService();

        String deploymentId = repository.createProcessDefinitionQuery().processDefinitionKey("form-check")
                .latestVersion().singleResult().getDeploymentId();
        assertThat(repository.getDeploymentResourceNames(deploymentId))
                .anyMatch(name -> name.endsWith("record-resident-meeting.form"))
                .anyMatch(name -> name.endsWith("resident-meeting-outcome.dmn"));

        ProcessInstance instance = runtime.startProcessInstanceByKey("form-check");
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
            String json = new String(form.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"id\": \"record-resident-meeting\"").contains("居民会议表决记录");
        }
        runtime.deleteProcessInstance(instance.getId(), "test finished");
    }
}
