package cn.shequ.pages;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller of workbench pages outside this package (the purchase pages live beside the purchase
 * services they call): it gets the shell's header facts and its Chinese error page ({@code cn.shequ.workbench.Shell}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface WorkbenchPage {}
