/** Administration endpoints that are not business decisions: the adjustable demo clock. */
package cn.shequ.admin;
