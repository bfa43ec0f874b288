package cn.shequ.sequence;

/**
 * Where the yearly sequences are kept ({@code code_sequence}, in the caller's transaction): {@link JdbcSequences}; a map in
 * tests that run without a database.
 */
public interface SequenceStore {

    /**
     * Adds one to the sequence's last number and returns the new one, locking its row until the transaction ends; where
     * the database can do it in the same statement, starts a sequence that has no row yet at 1; otherwise null for it.
     */
    Integer increment(String prefix, int year);

    /**
     * Starts the sequence at {@code first}.
     *
     * @throws org.springframework.dao.DuplicateKeyException when another transaction started it first
     */
    void start(String prefix, int year, int first);
}
