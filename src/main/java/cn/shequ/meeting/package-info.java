/** Residents' meetings (居民会议): recording a vote and deciding quorum and passing by the DMN table. */
package cn.shequ.meeting;
