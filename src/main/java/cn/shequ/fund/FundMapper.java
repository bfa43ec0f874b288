package cn.shequ.fund;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Funds, their categories and ledger. Balance changes go through {@link FundLedger} only. */
@Mapper
interface FundMapper {

    String COLUMNS = "code, name, source, fiscal_year, all_categories, owner_street, total, reserved, disbursed";

    @Select("SELECT " + COLUMNS + " FROM fund ORDER BY code")
    List<Fund> findAll();

    @Select("SELECT " + COLUMNS + " FROM fund WHERE code = #{code}")
    Optional<Fund> find(String code);

    /** Locks the fund row until the transaction ends: balance rules hold under concurrency. */
    @Select("SELECT " + COLUMNS + " FROM fund WHERE code = #{code} FOR UPDATE")
    Optional<Fund> lock(String code);

    /** The fund locked as {@link #lock} locks it, with the community whose residents raised it (null for a fund of the budget). */
    record LockedWithOwner(String code, String name, String source, int fiscalYear, boolean allCategories, String ownerStreet,
                           java.math.BigDecimal total, java.math.BigDecimal reserved, java.math.BigDecimal disbursed,
                           String ownerCommunity) {
        Fund fund() {
            return new Fund(code, name, source, fiscalYear, allCategories, ownerStreet, total, reserved, disbursed);
        }
    }

    /** {@link #lock} and {@link #ownerCommunity} in one statement: a reservation asks both (issue 16). */
    @Select("SELECT " + COLUMNS + ", owner_community FROM fund WHERE code = #{code} FOR UPDATE")
    Optional<LockedWithOwner> lockWithOwner(String code);

    @Select("SELECT category_code FROM fund_category WHERE fund_code = #{code} ORDER BY category_code")
    List<String> categories(String code);

    @Insert("INSERT INTO fund (" + COLUMNS + ") VALUES (#{code}, #{name}, #{source}, #{fiscalYear}, "
            + "#{allCategories}, #{ownerStreet}, #{total}, #{reserved}, #{disbursed})")
    void insert(Fund fund);

    @Insert("INSERT INTO fund_category (fund_code, category_code) VALUES (#{fundCode}, #{categoryCode})")
    void insertCategory(String fundCode, String categoryCode);

    @Update("UPDATE fund SET total = #{total}, reserved = #{reserved}, disbursed = #{disbursed} WHERE code = #{code}")
    void updateBalances(Fund fund);

    @Insert("INSERT INTO fund_ledger (fund_code, entry_type, amount, project_code, milestone_seq, at, actor, available_after) "
            + "VALUES (#{fundCode}, #{entryType}, #{amount}, #{projectCode}, #{milestoneSeq}, #{at}, #{actor}, #{availableAfter})")
    @Options(useGeneratedKeys = true, keyProperty = "seq", keyColumn = "seq")
    void insertEntry(LedgerRow row);

    /** The community whose residents raised the fund (筹资筹劳), or null for a fund of the budget. */
    @Select("SELECT owner_community FROM fund WHERE code = #{code}")
    String ownerCommunity(String code);

    @Update("UPDATE fund SET owner_community = #{community} WHERE code = #{code}")
    void setOwnerCommunity(@org.apache.ibatis.annotations.Param("code") String code,
                           @org.apache.ibatis.annotations.Param("community") String community);

    /** The community a project serves; null when {@code code} is no project (a purchase of a street office). */
    @Select("SELECT community_code FROM project WHERE code = #{code}")
    String projectCommunity(String code);

    @Select("SELECT seq, fund_code, entry_type, amount, project_code, milestone_seq, at, actor, available_after "
            + "FROM fund_ledger WHERE fund_code = #{code} ORDER BY seq")
    List<LedgerEntry> ledger(String code);
}
