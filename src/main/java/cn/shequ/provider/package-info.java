/**
 * Service providers (承接主体): registration with the unified social credit code check, the
 * certification process (civil affairs certifies or refuses; reminder and expiry by timer),
 * eligibility for purchases, and the performance record.
 */
package cn.shequ.provider;
