package cn.shequ.identity;

/** 社区: the area of one residents' committee; {@code shortName} heads its document numbers (东湖居〔2026〕3号). */
public record Community(String code, String name, String shortName, String streetCode) {}
