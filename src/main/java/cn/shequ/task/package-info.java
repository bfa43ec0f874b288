/**
 * The work of each user: the task list served from Shequ's own indexed table {@code work_item}
 * (kept by the processes' task listeners), and task completion through the API.
 */
package cn.shequ.task;
