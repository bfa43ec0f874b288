package cn.shequ.provider;

import java.util.List;

/**
 * The body of {@code POST /api/providers}: who the provider is and what it declares.
 *
 * @param seriousViolationInLast3Years a serious violation of law in business in the last three years
 *                                     (采购法 art. 22; 102号令 art. 8); optional, true is refused
 * @param dishonestListed              on the list of abnormal operations or of seriously dishonest
 *                                     entities (102号令 art. 8); optional, true is refused
 */
public record ProviderRegistration(String name, String type, String creditCode, List<String> categories,
                                   Boolean seriousViolationInLast3Years, Boolean dishonestListed) {}
