package cn.shequ.provider;

import java.util.Arrays;
import java.util.Optional;

/**
 * The legal form of a provider (承接主体类型). 102号令 art. 6 names who may provide purchased
 * services; art. 8 excludes class-1 public institutions and mass organisations funded by the
 * budget. Individuals (具备条件的个人, art. 6) have no unified social credit code and are not
 * registered here.
 */
public enum LegalType {

    SOCIAL_ORGANISATION("社会组织（社会团体、社会服务机构、基金会）", null),
    ENTERPRISE("企业", null),
    PUBLIC_INSTITUTION_CLASS2("公益二类事业单位", null),
    PUBLIC_INSTITUTION_BUSINESS("从事生产经营活动的事业单位", null),
    RURAL_COLLECTIVE_ECONOMIC_ORGANISATION("农村集体经济组织", null),
    GRASSROOTS_SELF_GOVERNING("基层群众性自治组织", null),
    PUBLIC_INSTITUTION_CLASS1("公益一类事业单位",
            "公益一类事业单位不作为政府购买服务的承接主体（政府购买服务管理办法第八条） / "
                    + "a class-1 public institution cannot be a provider (102号令 art. 8)"),
    FUNDED_MASS_ORGANISATION("使用事业编制且由财政拨款保障的群团组织",
            "使用事业编制且由财政拨款保障的群团组织不作为政府购买服务的承接主体（政府购买服务管理办法第六条、第八条） / "
                    + "a mass organisation funded by the budget cannot be a provider (102号令 arts. 6, 8)");

    private final String chineseName;
    private final String refusal;

    LegalType(String chineseName, String refusal) {
        this.chineseName = chineseName;
        this.refusal = refusal;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Whether this type may provide purchased services (102号令 arts. 6, 8). */
    public boolean allowed() {
        return refusal == null;
    }

    /** Why this type may not be a provider, naming the rule; null when it may. */
    public String refusal() {
        return refusal;
    }

    public static Optional<LegalType> of(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    /** The allowed types, for messages. */
    static String allowedNames() {
        return String.join(", ", Arrays.stream(values()).filter(LegalType::allowed).map(Enum::name).toList());
    }
}
