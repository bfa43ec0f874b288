/**
 * Business rules that an administrator may change without a release: the ids and variable
 * names of the DMN decision tables in {@code processes/} (居民会议表决结果、审批权限、采购方式、绩效等级).
 */
package cn.shequ.rules;
