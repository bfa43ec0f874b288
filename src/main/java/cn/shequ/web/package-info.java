/** Shared HTTP concerns: security, the engine's authentication per request, and the JSON error body of API.md. */
package cn.shequ.web;
