package cn.shequ.procurement;

import java.time.LocalDate;
import java.util.Arrays;

/** What a purchase needs to know of a provider that bids: its name, categories and certification period. */
record BidderProvider(long id, String name, String categories, LocalDate certifiedOn, LocalDate certifiedUntil) {

    boolean serves(String category) {
        return categories != null && Arrays.asList(categories.split(",")).contains(category);
    }
}
