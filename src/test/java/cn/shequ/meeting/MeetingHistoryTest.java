package cn.shequ.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recording a meeting counts the meetings without quorum since the last vote from the project's meetings read once
 * before its insert (issue 16); the count is what MeetingMapper.noQuorumSinceLastVote gives: those after the last
 * meeting that voted, all of them when none voted.
 */
class MeetingHistoryTest {

    private static MeetingMapper.Held held(long id, String outcome) {
        return new MeetingMapper.Held(id, outcome, LocalDate.of(2026, 5, (int) id));
    }

    @Test
    void onlyTheMeetingsWithoutQuorumAfterTheLastVoteCount() {
        assertThat(MeetingService.noQuorumSinceLastVote(List.of())).isZero();
        assertThat(MeetingService.noQuorumSinceLastVote(List.of(held(1, "NO_QUORUM"), held(2, "NO_QUORUM")))).isEqualTo(2);
        assertThat(MeetingService.noQuorumSinceLastVote(List.of(held(1, "NO_QUORUM"), held(2, "NO_QUORUM"),
                held(3, "REJECTED"), held(4, "NO_QUORUM")))).isEqualTo(1);
        assertThat(MeetingService.noQuorumSinceLastVote(List.of(held(1, "NO_QUORUM"), held(2, "PASSED")))).isZero();
    }
}
