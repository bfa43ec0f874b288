package cn.shequ.delivery;

import java.math.BigDecimal;

/**
 * The fields a user submitted with a delivery step, read with the field named in every problem: what the
 * delivery rules need of the task module's field reader ({@code cn.shequ.task.TaskInput} implements it), so
 * that this module stays below the task module. Each reading puts its problem on the form by field and
 * returns null; {@link #refuseIfInvalid} refuses with every problem at once.
 */
public interface DeliveryForm {

    String text(String field, String label, int max, boolean required);

    String choice(String field, String label, String... allowed);

    Integer integer(String field, String label, int min, int max);

    /** A score from 0 to {@code max} with at most two decimals. */
    BigDecimal score(String field, String label, int max);

    void problem(String field, String message);

    /** Refuses the completion, naming every field at fault (nothing changed). */
    void refuseIfInvalid();
}
