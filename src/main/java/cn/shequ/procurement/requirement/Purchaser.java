package cn.shequ.procurement.requirement;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;

/** Who buys: a street office, or a district's civil affairs bureau. */
public record Purchaser(String street, String district) {

    /** The purchaser {@code user} acts for; refuses anyone who is no state organ (102号令 arts. 5–6). */
    public static Purchaser of(CurrentUser user) {
        if (user.isIn(Groups.STREET_OFFICE) && user.streetCode() != null) {
            return new Purchaser(user.streetCode(), null);
        }
        if (user.isIn(Groups.CIVIL_AFFAIRS) && user.districtCode() != null) {
            return new Purchaser(null, user.districtCode());
        }
        throw Refusal.forbidden("NOT_A_PURCHASER", "只有国家机关（街道办事处、区民政局）可以作为购买主体，居委会等不得购买服务"
                + "（102号令第五、六条）/ only state organs purchase services (102号令 arts. 5–6)");
    }
}
