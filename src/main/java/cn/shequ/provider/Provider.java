package cn.shequ.provider;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** 承接主体: a registered service provider and its certification (从业认证) period. */
public record Provider(Long id, String name, String legalType, String creditCode, String categories,
                       LocalDate certifiedOn, LocalDate certifiedUntil, LocalDateTime registeredAt) {}
