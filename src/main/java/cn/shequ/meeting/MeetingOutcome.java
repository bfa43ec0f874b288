package cn.shequ.meeting;

/** What the DMN table resident-meeting-outcome decided for one meeting (居委会法 art. 9). */
public record MeetingOutcome(boolean quorum, boolean passed, String outcome, int attempt) {}
