/** Service providers (承接主体): registration, unified social credit codes, certification and performance record. */
package cn.shequ.provider;
