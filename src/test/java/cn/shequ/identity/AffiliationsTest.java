package cn.shequ.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * A user's affiliation is read once per node (ADR 0070), except where it can still change: a provider's or an
 * applicant's row without an organisation is read at every request until its sign-up sets one.
 */
class AffiliationsTest {

    private static final List<String> COMMITTEE = List.of(Groups.COMMITTEE);
    private static final List<String> PROVIDER = List.of(Groups.PROVIDER);
    private static final Affiliation MEMBER = new Affiliation("committee1", "张主任", "C001", "S01", "D01", null);
    private static final Affiliation UNREGISTERED = new Affiliation("provider9", "李经理", null, null, null, null);
    private static final Affiliation REGISTERED = new Affiliation("provider9", "李经理", null, null, null, 7L);

    private final OrganisationMapper mapper = mock(OrganisationMapper.class);
    private final Affiliations affiliations = new Affiliations(mapper);

    @AfterEach
    void noTransactionLeft() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aCommitteeMembersRowIsReadOnce() {
        when(mapper.findAffiliation("committee1")).thenReturn(Optional.of(MEMBER));
        assertThat(affiliations.of("committee1", COMMITTEE)).contains(MEMBER);
        assertThat(affiliations.of("committee1", COMMITTEE)).contains(MEMBER);
        assertThat(affiliations.named("committee1")).contains(MEMBER);
        verify(mapper, times(1)).findAffiliation("committee1");
    }

    @Test
    void aProviderWithoutAnOrganisationIsReadAtEveryRequestUntilItsSignUpSetsOne() {
        when(mapper.findAffiliation("provider9")).thenReturn(Optional.of(UNREGISTERED), Optional.of(UNREGISTERED),
                Optional.of(REGISTERED));
        assertThat(affiliations.of("provider9", PROVIDER)).contains(UNREGISTERED);
        assertThat(affiliations.of("provider9", PROVIDER)).contains(UNREGISTERED);
        assertThat(affiliations.of("provider9", PROVIDER)).contains(REGISTERED); // signed up on another node
        assertThat(affiliations.of("provider9", PROVIDER)).contains(REGISTERED);
        assertThat(affiliations.of("provider9", List.of(Groups.PROVIDER_APPLICANT))).contains(REGISTERED);
        verify(mapper, times(3)).findAffiliation("provider9");
    }

    @Test
    void anApplicantWithoutAnOrganisationIsReadAgainButItsNameIsKept() {
        when(mapper.findAffiliation("provider9")).thenReturn(Optional.of(UNREGISTERED));
        assertThat(affiliations.of("provider9", List.of(Groups.PROVIDER_APPLICANT))).contains(UNREGISTERED);
        assertThat(affiliations.of("provider9", List.of(Groups.PROVIDER_APPLICANT))).contains(UNREGISTERED);
        assertThat(affiliations.named("provider9")).contains(UNREGISTERED); // a name never changes: not read again
        verify(mapper, times(2)).findAffiliation("provider9");
    }

    @Test
    void anOlderReadWithoutTheOrganisationDoesNotReplaceOneWithIt() {
        when(mapper.findAffiliation("provider9")).thenReturn(Optional.of(REGISTERED));
        assertThat(affiliations.of("provider9", PROVIDER)).contains(REGISTERED);
        // a transaction that read the row before the sign-up commits after it
        when(mapper.findAffiliation("provider9")).thenReturn(Optional.of(UNREGISTERED));
        TransactionSynchronizationManager.initSynchronization();
        assertThat(affiliations.asStored("provider9")).contains(UNREGISTERED);
        commit();
        assertThat(affiliations.of("provider9", PROVIDER)).contains(REGISTERED);
    }

    @Test
    void aRowReadInATransactionThatRollsBackIsNotKept() {
        when(mapper.findAffiliation("committee1")).thenReturn(Optional.of(MEMBER));
        TransactionSynchronizationManager.initSynchronization();
        assertThat(affiliations.of("committee1", COMMITTEE)).contains(MEMBER);
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);
        TransactionSynchronizationManager.clearSynchronization();
        assertThat(affiliations.of("committee1", COMMITTEE)).contains(MEMBER);
        assertThat(affiliations.of("committee1", COMMITTEE)).contains(MEMBER);
        verify(mapper, times(2)).findAffiliation("committee1"); // kept only after the second, outside a transaction
    }

    @Test
    void noRowIsNotKeptAndAsStoredAlwaysReads() {
        when(mapper.findAffiliation("street9")).thenReturn(Optional.empty(), Optional.of(MEMBER));
        assertThat(affiliations.of("street9", COMMITTEE)).isEmpty();
        assertThat(affiliations.of("street9", COMMITTEE)).contains(MEMBER);
        assertThat(affiliations.asStored("street9")).contains(MEMBER);
        assertThat(affiliations.asStored(null)).isEmpty();
        verify(mapper, times(3)).findAffiliation("street9");
    }

    private static void commit() {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationUtils.invokeAfterCommit(synchronizations);
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, TransactionSynchronization.STATUS_COMMITTED);
        TransactionSynchronizationManager.clearSynchronization();
    }

    /**
     * What keeping rows rests on: Shequ's code writes user_affiliation only by INSERT and by the sign-up's UPDATE of
     * organisation_id where it is null; nothing deletes a row or changes anything else of it (migrations run before a
     * node starts).
     */
    @Test
    void noStatementChangesAnAffiliationExceptTheSignUpsOrganisation() throws IOException {
        Pattern write = Pattern.compile("(?is)\\b(update|delete\\s+from|replace\\s+into|merge\\s+into|truncate(?:\\s+table)?"
                + "|insert\\s+into)\\s+`?user_affiliation\\b`?([^\"]*)\"?");
        List<String> writes;
        try (Stream<Path> files = Stream.of("src/main/java", "src/main/resources", "sql").flatMap(AffiliationsTest::walk)) {
            writes = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".xml") || f.toString().endsWith(".sql"))
                    .flatMap(f -> {
                        try {
                            // a statement split over concatenated literals is read as one
                            Matcher m = write.matcher(Files.readString(f).replaceAll("\"\\s*\\+\\s*\"", ""));
                            return m.results().map(r -> f.getFileName() + ": " + r.group().replaceAll("\\s+", " ")
                                    .toLowerCase(Locale.ROOT));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
        }
        // plain inserts (no ON DUPLICATE KEY UPDATE, which would change a row), and the sign-up's one UPDATE
        assertThat(writes).filteredOn(w -> !w.contains(": insert into user_affiliation (") || w.contains("on duplicate"))
                .containsExactly(
                "ProviderMapper.java: update user_affiliation set organisation_id = "
                + "#{providerid} where user_id = #{userid} and organisation_id is null\"");
        assertThat(writes).as("the inserts are found too: the scan reads the files it should")
                .anyMatch(w -> w.startsWith("OrganisationMapper.java: insert into user_affiliation ("));
    }

    private static Stream<Path> walk(String directory) {
        try {
            return Files.walk(Path.of(directory));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
